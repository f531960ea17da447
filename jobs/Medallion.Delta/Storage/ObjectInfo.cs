namespace Medallion.Delta.Storage;

/// <summary>One object in an <see cref="IObjectStore"/> listing.</summary>
/// <param name="Path">Forward-slash path relative to the store root.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="LastModified">When the object was last written.</param>
public sealed record ObjectInfo(string Path, long Size, DateTimeOffset LastModified)
{
    /// <summary>The store's entity tag of the object's content (S3's ETag), or null for a store without one (a local folder).</summary>
    public string? ETag { get; init; }
}
