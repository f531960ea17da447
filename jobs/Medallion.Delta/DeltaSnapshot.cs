namespace Medallion.Delta;

/// <summary>The state of a Delta table at one version: protocol, metadata, live files and app transactions.</summary>
public sealed class DeltaSnapshot
{
    internal DeltaSnapshot(
        string tablePath,
        long version,
        DeltaProtocol protocol,
        DeltaMetadata metadata,
        IReadOnlyList<AddFile> files,
        IReadOnlyDictionary<string, long> appTransactions,
        IReadOnlyList<RemoveFile>? tombstones = null)
    {
        Tombstones = tombstones ?? [];
        TablePath = tablePath;
        Version = version;
        Protocol = protocol;
        Metadata = metadata;
        Files = files;
        AppTransactions = appTransactions;
    }

    /// <summary>The table's path relative to the store root (<c>""</c> for the root itself).</summary>
    public string TablePath { get; }

    public long Version { get; }

    public DeltaProtocol Protocol { get; }

    public DeltaMetadata Metadata { get; }

    /// <summary>The live data files, ordered by path.</summary>
    public IReadOnlyList<AddFile> Files { get; }

    /// <summary>The last committed version per application id (<c>txn</c> actions).</summary>
    public IReadOnlyDictionary<string, long> AppTransactions { get; }

    /// <summary>
    /// The <c>remove</c> tombstones the log still holds at this version (files that left the table
    /// and were not added back), ordered by path: those of the last checkpoint (which keeps only
    /// tombstones within <c>delta.deletedFileRetentionDuration</c>) and of every commit after it.
    /// VACUUM must not delete a file whose tombstone is younger than its retention.
    /// </summary>
    public IReadOnlyList<RemoveFile> Tombstones { get; }
}
