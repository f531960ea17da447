namespace Medallion.Delta.Storage;

/// <summary>
/// Writes a local file through a hidden temp file beside it that is then renamed into place, so a
/// reader (DuckDB, a lister, a rerun that checks sizes) sees the old file or the whole new one,
/// never a half-written one; a failed or cancelled write removes its temp file.
/// </summary>
/// <remarks>
/// Public for store implementations in other packages: <see cref="IObjectStore.TryDownloadFileAsync"/>
/// promises that a download appears under its name only once complete.
/// </remarks>
public static class AtomicFile
{
    /// <summary>Buffer for streamed copies: large enough for few system calls, small enough to never matter for memory.</summary>
    private const int CopyBufferSize = 1 << 20;

    /// <summary>
    /// Creates or replaces <paramref name="target"/> with what <paramref name="write"/> puts into
    /// the stream it is given, creating the folder if needed.
    /// </summary>
    public static async Task WriteAsync(string target, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var temp = await WriteTempAsync(target, write, cancellationToken);
        try
        {
            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Writes a complete temp file beside <paramref name="target"/> and returns its path; the caller publishes or deletes it.</summary>
    public static async Task<string> WriteTempAsync(string target, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true);
            await write(stream, cancellationToken);
            await stream.FlushAsync(cancellationToken);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        return temp;
    }

    /// <summary>Copies <paramref name="source"/> (already open) into <paramref name="target"/> atomically, streaming.</summary>
    public static Task CopyAsync(Stream source, string target, CancellationToken cancellationToken) =>
        WriteAsync(target, (stream, token) => source.CopyToAsync(stream, CopyBufferSize, token), cancellationToken);

    /// <summary>Opens a local file for a streamed read, or returns <see langword="null"/> when it (or its folder) does not exist.</summary>
    public static FileStream? TryOpenRead(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Whether <paramref name="file"/> is a temp file of a write in progress (or of a crashed one).</summary>
    public static bool IsTemp(string file)
    {
        var name = Path.GetFileName(file);
        return name.StartsWith('.') && name.EndsWith(".tmp", StringComparison.Ordinal);
    }
}
