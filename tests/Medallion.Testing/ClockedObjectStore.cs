using System.Collections.Concurrent;
using Medallion.Delta.Storage;

namespace Medallion.Testing;

/// <summary>
/// A store whose listings report, for every object written through it, the time a test clock showed
/// when it was written: log retention decides by the listing's last-modified time, and a fake clock
/// can then age a log by days in a test that lasts seconds (on a local folder and on moto alike).
/// </summary>
public sealed class ClockedObjectStore(IObjectStore inner, TimeProvider clock) : IObjectStore
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _written = new(StringComparer.Ordinal);

    public string Describe(string path) => inner.Describe(path);

    public async Task<IReadOnlyList<ObjectInfo>> ListAsync(string prefix, CancellationToken cancellationToken = default) =>
        [.. (await inner.ListAsync(prefix, cancellationToken)).Select(o => _written.TryGetValue(o.Path, out var at) ? o with { LastModified = at } : o)];

    public Task<byte[]?> TryReadAsync(string path, CancellationToken cancellationToken = default) => inner.TryReadAsync(path, cancellationToken);

    public async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        await inner.WriteAsync(path, content, cancellationToken);
        _written[path] = clock.GetUtcNow();
    }

    public async Task<bool> PutIfAbsentAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var created = await inner.PutIfAbsentAsync(path, content, cancellationToken);
        if (created)
        {
            _written[path] = clock.GetUtcNow();
        }

        return created;
    }

    public async Task UploadFileAsync(string localFile, string path, CancellationToken cancellationToken = default)
    {
        await inner.UploadFileAsync(localFile, path, cancellationToken);
        _written[path] = clock.GetUtcNow();
    }

    public Task<bool> TryDownloadFileAsync(string path, string localFile, CancellationToken cancellationToken = default) => inner.TryDownloadFileAsync(path, localFile, cancellationToken);

    public async Task CopyAsync(string sourcePath, string destinationPath, CancellationToken cancellationToken = default)
    {
        await inner.CopyAsync(sourcePath, destinationPath, cancellationToken);
        _written[destinationPath] = clock.GetUtcNow();
    }

    public async Task DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        await inner.DeleteAsync(path, cancellationToken);
        _written.TryRemove(path, out _);
    }

    public Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default) => inner.ExistsAsync(path, cancellationToken);
}
