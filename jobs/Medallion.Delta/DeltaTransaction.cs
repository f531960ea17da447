using System.Text;
using System.Text.Json.Nodes;
using Medallion.Delta.Log;
using Medallion.Delta.Schema;
using Medallion.Delta.Storage;
using Medallion.Delta.Writing;

namespace Medallion.Delta;

/// <summary>
/// Collects the actions of one commit against the snapshot it read, then writes them as the
/// next version with put-if-absent, so two writers can never both win a version.
/// </summary>
/// <remarks>
/// <see cref="CommitAsync"/> throws <see cref="DeltaConcurrentCommitException"/> (transient) when
/// another writer took the version first. The read version is kept so conflict checking and
/// retry can be added on top. A transaction commits at most once.
/// </remarks>
public sealed class DeltaTransaction
{
    private const int CheckpointInterval = 10;

    private readonly IObjectStore _store;
    private readonly string _tablePath;
    private readonly TimeProvider _timeProvider;
    private readonly List<AddFile> _adds = [];
    private readonly List<RemoveFile> _removes = [];
    private readonly Dictionary<string, long> _appTransactions = new(StringComparer.Ordinal);
    private DeltaMetadata? _newMetadata;
    private bool _committed;

    internal DeltaTransaction(IObjectStore store, string tablePath, TimeProvider timeProvider, DeltaSnapshot? readSnapshot)
    {
        _store = store;
        _tablePath = tablePath;
        _timeProvider = timeProvider;
        ReadSnapshot = readSnapshot;
    }

    /// <summary>The snapshot this transaction builds on; <see langword="null"/> when the table does not exist yet.</summary>
    public DeltaSnapshot? ReadSnapshot { get; }

    /// <summary>The version <see cref="CommitAsync"/> will try to write.</summary>
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
    public void SetAppTransaction(string appId, long version)
    {
        ArgumentException.ThrowIfNullOrEmpty(appId);
        ThrowIfCommitted();
        _appTransactions[appId] = version;
    }

    /// <summary>Writes the commit and returns its version.</summary>
    /// <remarks>
    /// Throws <see cref="DeltaConcurrentCommitException"/> when the version already exists and
    /// <see cref="InvalidOperationException"/> when creating a table without metadata or committing twice.
    /// </remarks>
    public async Task<long> CommitAsync(
        string operation,
        IReadOnlyDictionary<string, JsonNode?>? operationParameters = null,
        IReadOnlyDictionary<string, JsonNode?>? commitInfoExtras = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        ThrowIfCommitted();
        var metadata = _newMetadata ?? ReadSnapshot?.Metadata
            ?? throw new InvalidOperationException("A new Delta table needs SetMetadata before its first commit.");
        ValidatePartitionValues(metadata);

        var version = NextVersion;
        var content = Encoding.UTF8.GetBytes(string.Join('\n', BuildActions(operation, operationParameters, commitInfoExtras)
            .Select(line => line.ToJsonString(LogJson.Options))) + "\n");
        var path = LogFiles.CommitPath(_tablePath, version);
        if (!await _store.PutIfAbsentAsync(path, content, cancellationToken))
        {
            throw new DeltaConcurrentCommitException(
                $"Another writer committed version {version} of the Delta table at '{_store.Describe(_tablePath)}' first (this transaction read version {ReadSnapshot?.Version ?? -1}).",
                version,
                ReadSnapshot?.Version ?? -1);
        }

        _committed = true;
        if (version > 0 && version % CheckpointInterval == 0)
        {
            try
            {
                await CheckpointWriter.WriteAsync(_store, BuildCommittedSnapshot(version, metadata), cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The commit is already durable; throwing now would invite a retry that commits
                // twice. A missing checkpoint only means readers replay more JSON until the next one.
            }
        }

        return version;
    }

    private List<JsonObject> BuildActions(string operation, IReadOnlyDictionary<string, JsonNode?>? operationParameters, IReadOnlyDictionary<string, JsonNode?>? extras)
    {
        var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var commitInfo = new JsonObject
        {
            ["timestamp"] = now,
            ["operation"] = operation,
            ["operationParameters"] = LogJson.ToObject(operationParameters ?? new Dictionary<string, JsonNode?>(), value => value?.DeepClone()),
        };
        if (ReadSnapshot is not null)
        {
            commitInfo["readVersion"] = ReadSnapshot.Version;
        }

        commitInfo["isBlindAppend"] = _removes.Count == 0 && _newMetadata is null;
        foreach (var (key, value) in extras ?? new Dictionary<string, JsonNode?>())
        {
            commitInfo[key] = value?.DeepClone();
        }

        var actions = new List<JsonObject> { new() { ["commitInfo"] = commitInfo } };
        if (ReadSnapshot is null)
        {
            actions.Add(ActionWriter.Protocol(DeltaProtocol.Default));
        }

        if (_newMetadata is not null)
        {
            actions.Add(ActionWriter.Metadata(_newMetadata));
        }

        actions.AddRange(_appTransactions.Select(pair => ActionWriter.Transaction(new AppTransaction(pair.Key, pair.Value, now))));
        actions.AddRange(_removes.Select(ActionWriter.Remove));
        actions.AddRange(_adds.Select(ActionWriter.Add));
        return actions;
    }

    /// <summary>The table right after this commit, built from the read snapshot and this commit's actions.</summary>
    private DeltaSnapshot BuildCommittedSnapshot(long version, DeltaMetadata metadata)
    {
        var files = (ReadSnapshot?.Files ?? []).ToDictionary(file => file.Path, StringComparer.Ordinal);
        foreach (var remove in _removes)
        {
            files.Remove(remove.Path);
        }

        foreach (var add in _adds)
        {
            files[add.Path] = add;
        }

        var transactions = new Dictionary<string, long>(ReadSnapshot?.AppTransactions ?? new Dictionary<string, long>(), StringComparer.Ordinal);
        foreach (var (appId, appVersion) in _appTransactions)
        {
            transactions[appId] = appVersion;
        }

        return new DeltaSnapshot(
            _tablePath,
            version,
            ReadSnapshot?.Protocol ?? DeltaProtocol.Default,
            metadata,
            [.. files.Values.OrderBy(file => file.Path, StringComparer.Ordinal)],
            transactions);
    }

    private void ValidatePartitionValues(DeltaMetadata metadata)
    {
        foreach (var file in _adds)
        {
            var keys = file.PartitionValues.Keys.Order(StringComparer.Ordinal);
            if (!keys.SequenceEqual(metadata.PartitionColumns.Order(StringComparer.Ordinal), StringComparer.Ordinal))
            {
                throw new ArgumentException(
                    $"The file '{file.Path}' has partition values for [{string.Join(", ", file.PartitionValues.Keys)}] but the table is partitioned by [{string.Join(", ", metadata.PartitionColumns)}].");
            }
        }
    }

    private void ThrowIfCommitted()
    {
        if (_committed)
        {
            throw new InvalidOperationException("This Delta transaction has already committed; start a new one.");
        }
    }
}
