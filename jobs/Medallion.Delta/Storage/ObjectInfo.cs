namespace Medallion.Delta.Storage;

/// <summary>One object in an <see cref="IObjectStore"/> listing.</summary>
/// <param name="Path">Forward-slash path relative to the store root.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="LastModified">When the object was last written.</param>
public sealed record ObjectInfo(string Path, long Size, DateTimeOffset LastModified);
