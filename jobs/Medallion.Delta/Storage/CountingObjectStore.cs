using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Medallion.Delta.Storage;

/// <summary>
/// An <see cref="IObjectStore"/> decorator that counts the requests made through it, by kind, and
/// the Delta commit files read: how <c>medallion bench history</c> and the tests show that a run's
/// cost does not grow with the age of its tables. Optionally waits before each request, standing in
/// for a network round trip a local folder lacks.
/// </summary>
/// <remarks>
/// Kinds follow S3's request types: <c>list</c>, <c>get</c> (reads and downloads), <c>put</c>
/// (writes, conditional writes, uploads), <c>copy</c>, <c>delete</c> and <c>head</c> (existence checks).
/// Safe to use from several threads. Disposing it disposes the inner store when that is disposable.
/// </remarks>
public sealed partial class CountingObjectStore(IObjectStore inner, TimeSpan latency = default) : IObjectStore, IDisposable
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _listed = new();
    private long _commitFilesRead;

    /// <summary>The store the requests go to.</summary>
    public IObjectStore Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <summary>The requests counted since the last <see cref="Reset"/>.</summary>
    public ObjectStoreRequestCounts Counts => new(
        Count("list"), Count("get"), Count("put"), Count("copy"), Count("delete"), Count("head"), Interlocked.Read(ref _commitFilesRead));

    /// <summary>The prefixes listed since the last <see cref="Reset"/>, in order.</summary>
    public IReadOnlyList<string> ListedPrefixes => [.. _listed];

    /// <summary>Starts counting from zero.</summary>
    public void Reset()
    {
        _counts.Clear();
        _listed.Clear();
        Interlocked.Exchange(ref _commitFilesRead, 0);
    }

    public string Describe(string path) => Inner.Describe(path);

    public async Task<IReadOnlyList<ObjectInfo>> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        await CountAsync("list", cancellationToken);
        _listed.Enqueue(prefix);
        return await Inner.ListAsync(prefix, cancellationToken);
    }

    public async Task<byte[]?> TryReadAsync(string path, CancellationToken cancellationToken = default)
    {
        await CountAsync("get", cancellationToken);
        if (CommitFile().IsMatch(path))
        {
            Interlocked.Increment(ref _commitFilesRead);
        }

        return await Inner.TryReadAsync(path, cancellationToken);
    }

    public async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        await CountAsync("put", cancellationToken);
        await Inner.WriteAsync(path, content, cancellationToken);
    }

    public async Task<bool> PutIfAbsentAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        await CountAsync("put", cancellationToken);
        return await Inner.PutIfAbsentAsync(path, content, cancellationToken);
    }

    public async Task UploadFileAsync(string localFile, string path, CancellationToken cancellationToken = default)
    {
        await CountAsync("put", cancellationToken);
        await Inner.UploadFileAsync(localFile, path, cancellationToken);
    }

    public async Task<bool> TryDownloadFileAsync(string path, string localFile, CancellationToken cancellationToken = default)
    {
        await CountAsync("get", cancellationToken);
        return await Inner.TryDownloadFileAsync(path, localFile, cancellationToken);
    }

    public async Task CopyAsync(string sourcePath, string destinationPath, CancellationToken cancellationToken = default)
    {
        await CountAsync("copy", cancellationToken);
        await Inner.CopyAsync(sourcePath, destinationPath, cancellationToken);
    }

    public async Task DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        await CountAsync("delete", cancellationToken);
        await Inner.DeleteAsync(path, cancellationToken);
    }

    public async Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default)
    {
        await CountAsync("head", cancellationToken);
        return await Inner.ExistsAsync(path, cancellationToken);
    }

    public void Dispose() => (Inner as IDisposable)?.Dispose();

    private long Count(string kind) => _counts.GetValueOrDefault(kind);

    private Task CountAsync(string kind, CancellationToken cancellationToken)
    {
        _counts.AddOrUpdate(kind, 1, (_, count) => count + 1);
        return latency > TimeSpan.Zero ? Task.Delay(latency, cancellationToken) : Task.CompletedTask;
    }

    [GeneratedRegex(@"(^|/)_delta_log/\d{20}\.json$")]
    private static partial Regex CommitFile();
}
