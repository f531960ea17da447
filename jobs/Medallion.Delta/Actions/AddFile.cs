using Medallion.Delta.Log;

namespace Medallion.Delta;

/// <summary>A live data file of a snapshot (the log's <c>add</c> action).</summary>
/// <param name="Path">
/// The file's path relative to the table root, decoded (the log stores it URI-encoded; Medallion
/// encodes on write and decodes on read). An absolute URI in the log (<c>s3://…</c>, <c>file:/…</c>) stays as written.
/// </param>
/// <param name="PartitionValues">Partition column to value in the protocol's string form; a null partition value is <see langword="null"/>.</param>
/// <param name="Size">File size in bytes.</param>
/// <param name="ModificationTime">Milliseconds since the epoch when the file was written.</param>
/// <param name="DataChange">False when the file only rearranges existing rows (compaction).</param>
/// <param name="Stats">Per-file statistics, or <see langword="null"/> when the writer recorded none.</param>
/// <param name="Tags">Free-form file tags, or <see langword="null"/>.</param>
public sealed record AddFile(
    string Path,
    IReadOnlyDictionary<string, string?> PartitionValues,
    long Size,
    long ModificationTime,
    bool DataChange,
    FileStatistics? Stats,
    IReadOnlyDictionary<string, string>? Tags = null)
{
    /// <summary>Whether <see cref="Path"/> is an absolute URI (<c>s3://…</c>, <c>file:/…</c>) rather than relative to the table root.</summary>
    public bool IsAbsoluteUri => LogPathCodec.IsAbsoluteUri(Path);
}
