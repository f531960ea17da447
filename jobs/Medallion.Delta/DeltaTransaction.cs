using Medallion.Delta.Schema;
using Medallion.Delta.Storage;
using Medallion.Delta.Writing;

namespace Medallion.Delta;

/// <summary>
/// Collects the actions of one commit against the snapshot it read, then writes them as the
/// next version with put-if-absent, so two writers can never both win a version.
/// </summary>
/// <remarks>
/// When another writer took the version first, <see cref="CommitAsync"/> reads the winning
/// commits and either retries at the next version (disjoint changes) or throws
/// <see cref="DeltaConflictException"/>: when a winner changed the protocol or metadata, removed
/// a file this transaction removes, touched a partition it replaces, or published the same app
/// transaction. A transaction commits at most once.
/// </remarks>
public sealed partial class DeltaTransaction
{
    private readonly IObjectStore _store;
    private readonly string _tablePath;
    private readonly TimeProvider _timeProvider;
    private readonly DeltaTable.CommitSettings _settings;
    private readonly List<AddFile> _adds = [];
    private readonly List<RemoveFile> _removes = [];
    private readonly List<PartitionScope> _replaced = [];
    private readonly Dictionary<string, long> _appTransactions = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _commitVersionApps = new(StringComparer.Ordinal);
    private DeltaMetadata? _newMetadata;
    private bool _committed;

    internal DeltaTransaction(IObjectStore store, string tablePath, TimeProvider timeProvider, DeltaSnapshot? readSnapshot, DeltaTable.CommitSettings settings)
    {
        _store = store;
        _tablePath = tablePath;
        _timeProvider = timeProvider;
        _settings = settings;
        ReadSnapshot = readSnapshot;
    }

    /// <summary>The snapshot this transaction builds on; <see langword="null"/> when the table does not exist yet.</summary>
    public DeltaSnapshot? ReadSnapshot { get; }

    /// <summary>The version <see cref="CommitAsync"/> tries first (it moves on when it loses a race to a disjoint commit).</summary>
    public long NextVersion => (ReadSnapshot?.Version ?? -1) + 1;

    /// <summary>
    /// Sets the table's schema, partitioning and (when given) configuration. Required when the
    /// table is created; on an existing table the schema may only gain nullable columns, and only
    /// with <paramref name="allowAddColumns"/>.
    /// </summary>
    /// <remarks>Throws <see cref="DeltaSchemaMismatchException"/> naming the column and both types.</remarks>
    public void SetMetadata(DeltaSchema schema, IReadOnlyList<string> partitionColumns, IReadOnlyDictionary<string, string>? configuration = null, bool allowAddColumns = false)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(partitionColumns);
        SchemaEvolution.EnsurePartitionColumns(schema, partitionColumns);
        if (ReadSnapshot?.Metadata is { } current)
        {
            SchemaEvolution.EnsureCompatible(current, schema, partitionColumns, allowAddColumns, _store.Describe(_tablePath));
            var sameSchema = schema.ToJson() == current.Schema.ToJson();
            var sameConfiguration = configuration is null || configuration.Count == current.Configuration.Count && configuration.All(pair => current.Configuration.TryGetValue(pair.Key, out var value) && value == pair.Value);
            _newMetadata = sameSchema && sameConfiguration
                ? null
                : current with { Schema = schema, Configuration = configuration ?? current.Configuration };
            return;
        }

        _newMetadata = new DeltaMetadata(
            Guid.NewGuid().ToString(),
            Name: null,
            Description: null,
            schema,
            [.. partitionColumns],
            configuration ?? new Dictionary<string, string>(),
            _timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
    }

    /// <summary>Adds a data file (its path relative to the table root, not encoded).</summary>
    public void Add(AddFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        ThrowIfCommitted();
        _adds.Add(file);
    }

    /// <summary>Removes a live file of <see cref="ReadSnapshot"/>.</summary>
    /// <remarks>A concurrent commit that removes the same file makes <see cref="CommitAsync"/> throw <see cref="DeltaConflictException"/>.</remarks>
    public void Remove(AddFile liveFile, bool dataChange = true)
    {
        ArgumentNullException.ThrowIfNull(liveFile);
        ThrowIfCommitted();
        _removes.Add(new RemoveFile(
            liveFile.Path,
            _timeProvider.GetUtcNow().ToUnixTimeMilliseconds(),
            dataChange,
            liveFile.PartitionValues,
            liveFile.Size));
    }

    /// <summary>Records that <paramref name="appId"/> committed <paramref name="version"/> (a <c>txn</c> action).</summary>
    /// <remarks>A concurrent commit with a <c>txn</c> for the same app id is a conflict: publish-once markers must not race.</remarks>
    public void SetAppTransaction(string appId, long version)
    {
        ArgumentException.ThrowIfNullOrEmpty(appId);
        ThrowIfCommitted();
        _commitVersionApps.Remove(appId);
        _appTransactions[appId] = version;
    }

    /// <summary>
    /// Records that <paramref name="appId"/> committed at the table version this commit lands at (a
    /// <c>txn</c> action whose version is the commit's own): an index kept in the snapshot and its
    /// checkpoints, so "which version did <paramref name="appId"/> last commit" needs no history.
    /// </summary>
    /// <remarks>A concurrent commit with a <c>txn</c> for the same app id is a conflict, as for <see cref="SetAppTransaction"/>.</remarks>
    public void SetAppTransactionAtCommitVersion(string appId)
    {
        ArgumentException.ThrowIfNullOrEmpty(appId);
        ThrowIfCommitted();
        _appTransactions.Remove(appId);
        _commitVersionApps.Add(appId);
    }

    private void ThrowIfCommitted()
    {
        if (_committed)
        {
            throw new InvalidOperationException("This Delta transaction has already committed; start a new one.");
        }
    }
}
