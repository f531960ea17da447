using Medallion.Delta.Storage;

namespace Medallion.Orchestration.Tests.Ledger;

/// <summary>A store whose writes fail once <see cref="Full"/> is set, as on a full disk: the ledger cannot be written either.</summary>
internal sealed class DiskFullStore(IObjectStore inner) : IObjectStore
{
    public bool Full { get; set; }

    public string Describe(string path) => inner.Describe(path);

    public Task<IReadOnlyList<ObjectInfo>> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

    public Task<byte[]?> TryReadAsync(string path, CancellationToken cancellationToken = default) => inner.TryReadAsync(path, cancellationToken);

    public Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        Full ? throw new IOException("No space left on device") : inner.WriteAsync(path, content, cancellationToken);

    public Task<bool> PutIfAbsentAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        Full ? throw new IOException("No space left on device") : inner.PutIfAbsentAsync(path, content, cancellationToken);

    public Task UploadFileAsync(string localFile, string path, CancellationToken cancellationToken = default) => inner.UploadFileAsync(localFile, path, cancellationToken);

    public Task<bool> TryDownloadFileAsync(string path, string localFile, CancellationToken cancellationToken = default) => inner.TryDownloadFileAsync(path, localFile, cancellationToken);

    public Task CopyAsync(string sourcePath, string destinationPath, CancellationToken cancellationToken = default) => inner.CopyAsync(sourcePath, destinationPath, cancellationToken);

    public Task DeleteAsync(string path, CancellationToken cancellationToken = default) => inner.DeleteAsync(path, cancellationToken);

    public Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default) => inner.ExistsAsync(path, cancellationToken);
}
