namespace Medallion.Delta.Storage;

/// <summary>An <see cref="IObjectStore"/> over a local folder.</summary>
/// <remarks>
/// Every write (including uploads, downloads and copies, which stream rather than hold a file in
/// memory) goes to a hidden temp file beside the target first and is then moved into place, so a
/// reader never sees a half-written object. <see cref="PutIfAbsentAsync"/> moves
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
            if (AtomicFile.IsTemp(file))
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

    public Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        AtomicFile.WriteAsync(ToLocal(path), (stream, token) => stream.WriteAsync(content, token).AsTask(), cancellationToken);

    public async Task<bool> PutIfAbsentAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var local = ToLocal(path);
        if (File.Exists(local))
        {
            return false;
        }

        var temp = await AtomicFile.WriteTempAsync(local, (stream, token) => stream.WriteAsync(content, token).AsTask(), cancellationToken);
        try
        {
            return AtomicCreate.TryPublish(temp, local);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public async Task UploadFileAsync(string localFile, string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(localFile);
        var target = ToLocal(path);
        await using var source = AtomicFile.TryOpenRead(localFile)
            ?? throw new FileNotFoundException($"Cannot upload '{localFile}' to '{target}': the local file does not exist.", localFile);
        await AtomicFile.CopyAsync(source, target, cancellationToken);
    }

    public async Task<bool> TryDownloadFileAsync(string path, string localFile, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(localFile);
        await using var source = AtomicFile.TryOpenRead(ToLocal(path));
        if (source is null)
        {
            return false;
        }

        await AtomicFile.CopyAsync(source, Path.GetFullPath(localFile), cancellationToken);
        return true;
    }

    public async Task CopyAsync(string sourcePath, string destinationPath, CancellationToken cancellationToken = default)
    {
        // Streamed, not read into memory: promotion copies whole data files on a local lake.
        await using var source = AtomicFile.TryOpenRead(ToLocal(sourcePath))
            ?? throw new FileNotFoundException($"Cannot copy '{Describe(sourcePath)}': it does not exist.", ToLocal(sourcePath));
        await AtomicFile.CopyAsync(source, ToLocal(destinationPath), cancellationToken);
    }

    public Task DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        File.Delete(ToLocal(path));
        return Task.CompletedTask;
    }

    public Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(ToLocal(path)));

    private string ToLocal(string path, bool allowEmpty = false)
    {
        ObjectPath.Validate(path, nameof(path), allowEmpty);
        return path.Length == 0 ? RootDirectory : Path.Combine(RootDirectory, path.Replace('/', Path.DirectorySeparatorChar));
    }
}
