using Medallion.Delta.Storage;

namespace Medallion.Delta.Tests;

/// <summary>A local store whose checkpoint writes fail, as a full disk or a revoked permission would make them.</summary>
internal sealed class CheckpointFailingStore(IObjectStore inner) : IObjectStore
{
    public string Describe(string path) => inner.Describe(path);

    public Task<IReadOnlyList<ObjectInfo>> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

    public Task<byte[]?> TryReadAsync(string path, CancellationToken cancellationToken = default) => inner.TryReadAsync(path, cancellationToken);

    public Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        path.EndsWith(".checkpoint.parquet", StringComparison.Ordinal)
            ? throw new IOException($"disk full while writing '{path}'")
            : inner.WriteAsync(path, content, cancellationToken);

    public Task<bool> PutIfAbsentAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) => inner.PutIfAbsentAsync(path, content, cancellationToken);

    public Task UploadFileAsync(string localFile, string path, CancellationToken cancellationToken = default) => inner.UploadFileAsync(localFile, path, cancellationToken);

    public Task<bool> TryDownloadFileAsync(string path, string localFile, CancellationToken cancellationToken = default) => inner.TryDownloadFileAsync(path, localFile, cancellationToken);

    public Task CopyAsync(string sourcePath, string destinationPath, CancellationToken cancellationToken = default) => inner.CopyAsync(sourcePath, destinationPath, cancellationToken);

    public Task DeleteAsync(string path, CancellationToken cancellationToken = default) => inner.DeleteAsync(path, cancellationToken);

    public Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default) => inner.ExistsAsync(path, cancellationToken);
}
