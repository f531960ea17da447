using System.Globalization;
using Medallion.Delta.Storage;

namespace Medallion.Jobs.Engine.Ingestion;

/// <summary>
/// A raw object as bronze records that it ingested it: its path relative to the raw root (what
/// <c>_source_file</c> holds) and what tells a changed object from the one ingested.
/// </summary>
/// <param name="Path">Forward-slash path relative to the raw root.</param>
/// <param name="Size">Size in bytes when it was read.</param>
/// <param name="Version">The store's ETag, or (a local folder, which has none) the modification time in ISO 8601 with ticks.</param>
public sealed record RawObject(string Path, long Size, string Version)
{
    /// <summary>The object as a listing of its store shows it now.</summary>
    public static RawObject Of(ObjectInfo listed)
    {
        ArgumentNullException.ThrowIfNull(listed);
        return new RawObject(listed.Path, listed.Size, listed.ETag ?? listed.LastModified.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
    }

    /// <summary>A local file below <paramref name="rawRoot"/>, as a local folder's listing would show it.</summary>
    public static RawObject OfLocalFile(string rawRoot, string file)
    {
        var info = new FileInfo(file);
        var path = System.IO.Path.GetRelativePath(rawRoot, info.FullName).Replace('\\', '/');
        return Of(new ObjectInfo(path, info.Length, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero)));
    }
}
