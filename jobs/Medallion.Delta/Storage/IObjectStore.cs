namespace Medallion.Delta.Storage;

/// <summary>
/// A flat key/value object store seen through forward-slash paths relative to its root, so a
/// local folder and an S3 prefix look the same to the Delta log code.
/// </summary>
/// <remarks>
/// Paths never start with <c>/</c> and never contain <c>..</c> segments; implementations throw
/// <see cref="ArgumentException"/> for such paths.
/// </remarks>
public interface IObjectStore
{
    /// <summary>A human-readable location for messages (a local full path or <c>s3://…</c>).</summary>
    string Describe(string path);

    /// <summary>Every object under <paramref name="prefix"/> (recursive), sorted by path (ordinal).</summary>
    Task<IReadOnlyList<ObjectInfo>> ListAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>The object's bytes, or <see langword="null"/> when it does not exist.</summary>
    Task<byte[]?> TryReadAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Creates or overwrites an object.</summary>
    Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates an object only when none exists at <paramref name="path"/>; returns
    /// <see langword="false"/> when it already exists. A reader never sees a partial object.
    /// </summary>
    Task<bool> PutIfAbsentAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates or overwrites the object at <paramref name="path"/> with the content of
    /// <paramref name="localFile"/>, streamed from disk: for data files of any size, where
    /// <see cref="WriteAsync"/> would hold the whole file in memory. A reader never sees a partial object.
    /// </summary>
    /// <remarks>Throws <see cref="FileNotFoundException"/> when <paramref name="localFile"/> does not exist.</remarks>
    Task UploadFileAsync(string localFile, string path, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams the object at <paramref name="path"/> into <paramref name="localFile"/> (creating its
    /// folder, replacing an existing file) and returns <see langword="true"/>; returns
    /// <see langword="false"/> and leaves the local file alone when the object does not exist, as
    /// <see cref="TryReadAsync"/> returns <see langword="null"/>. The file appears under its name only
    /// once complete (temp file beside it, then a rename), so a failed download leaves no partial file.
    /// </summary>
    Task<bool> TryDownloadFileAsync(string path, string localFile, CancellationToken cancellationToken = default);

    /// <summary>Copies an object, overwriting the destination.</summary>
    Task CopyAsync(string sourcePath, string destinationPath, CancellationToken cancellationToken = default);

    /// <summary>Deletes an object; deleting a missing object is not an error.</summary>
    Task DeleteAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Whether an object exists at <paramref name="path"/>.</summary>
    Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default);
}
