namespace Medallion.Delta;

/// <summary>A <c>remove</c> action: a tombstone for a file that left the table.</summary>
internal sealed record RemoveFile(
    string Path,
    long? DeletionTimestamp,
    bool DataChange,
    IReadOnlyDictionary<string, string?>? PartitionValues,
    long? Size);
