namespace Medallion.Delta.Storage;

/// <summary>An <see cref="IObjectStore"/> over a local folder.</summary>
/// <remarks>
/// Every write goes to a hidden temp file beside the target first and is then moved into
/// place, so a reader never sees a half-written object. <see cref="PutIfAbsentAsync"/> moves
/// without overwrite, which the file system performs atomically (a hard link on Unix).
/// </remarks>
public sealed class LocalObjectStore : IObjectStore
{
    public LocalObjectStore(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootDirectory);
        RootDirectory = Path.GetFullPath(rootDirectory);
    }

    /// <summary>The absolute folder that store paths are relative to.</summary>
    public string RootDirectory { get; }

    public string Describe(string path) => ToLocal(path, allowEmpty: true);

    public Task<IReadOnlyList<ObjectInfo>> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var folder = ToLocal(prefix, allowEmpty: true);
        if (!Directory.Exists(folder))
        {
            return Task.FromResult<IReadOnlyList<ObjectInfo>>([]);
        }

        var objects = new List<ObjectInfo>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (IsTempFile(file))
            {
                continue;
            }

            var info = new FileInfo(file);
            var relative = Path.GetRelativePath(RootDirectory, file).Replace(Path.DirectorySeparatorChar, '/');
            objects.Add(new ObjectInfo(relative, info.Length, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero)));
        }

        objects.Sort((left, right) => string.CompareOrdinal(left.Path, right.Path));
        return Task.FromResult<IReadOnlyList<ObjectInfo>>(objects);
    }

    public async Task<byte[]?> TryReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var local = ToLocal(path);
        try
        {
            return await File.ReadAllBytesAsync(local, cancellationToken);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var local = ToLocal(path);
        var temp = await WriteTempAsync(local, content, cancellationToken);
        File.Move(temp, local, overwrite: true);
    }

    public async Task<bool> PutIfAbsentAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var local = ToLocal(path);
        if (File.Exists(local))
        {
            return false;
        }

        var temp = await WriteTempAsync(local, content, cancellationToken);
        try
        {
            return AtomicCreate.TryPublish(temp, local);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public async Task CopyAsync(string sourcePath, string destinationPath, CancellationToken cancellationToken = default)
    {
        var content = await TryReadAsync(sourcePath, cancellationToken)
            ?? throw new FileNotFoundException($"Cannot copy '{Describe(sourcePath)}': it does not exist.", ToLocal(sourcePath));
        await WriteAsync(destinationPath, content, cancellationToken);
    }

    public Task DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        File.Delete(ToLocal(path));
        return Task.CompletedTask;
    }

    public Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(ToLocal(path)));

    private static async Task<string> WriteTempAsync(string local, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(local)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(local)}.{Guid.NewGuid():N}.tmp");
        await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
        {
            await stream.WriteAsync(content, cancellationToken);
            await stream.FlushAsync(cancellationToken);
        }

        return temp;
    }

    private static bool IsTempFile(string file)
    {
        var name = Path.GetFileName(file);
        return name.StartsWith('.') && name.EndsWith(".tmp", StringComparison.Ordinal);
    }

    private string ToLocal(string path, bool allowEmpty = false)
    {
        ObjectPath.Validate(path, nameof(path), allowEmpty);
        return path.Length == 0 ? RootDirectory : Path.Combine(RootDirectory, path.Replace('/', Path.DirectorySeparatorChar));
    }
}
