namespace Medallion.Delta;

/// <summary>A <c>remove</c> action: a tombstone for a file that left the table.</summary>
/// <param name="Path">The file's path relative to the table root, not encoded.</param>
/// <param name="DeletionTimestamp">Milliseconds since the epoch when the file left the table; VACUUM keeps the file until the tombstone is older than its retention.</param>
/// <param name="DataChange">False when the rows stayed in the table (a compaction).</param>
/// <param name="PartitionValues">The file's partition values, when the writer recorded them.</param>
/// <param name="Size">The file's size in bytes, when the writer recorded it.</param>
public sealed record RemoveFile(
    string Path,
    long? DeletionTimestamp,
    bool DataChange,
    IReadOnlyDictionary<string, string?>? PartitionValues,
    long? Size);
