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
        IReadOnlyDictionary<string, long> appTransactions)
    {
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
}
