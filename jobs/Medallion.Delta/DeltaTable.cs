using System.Text;
using System.Text.Json.Nodes;
using Medallion.Delta.Log;
using Medallion.Delta.Storage;

namespace Medallion.Delta;

/// <summary>A Delta table at a path in an <see cref="IObjectStore"/>: read snapshots and history, start commits.</summary>
/// <remarks>
/// Medallion reads reader-version-1 tables (and reader 3 with only <c>timestampNtz</c> or
/// <c>vacuumProtocolCheck</c>); anything else throws <see cref="DeltaUnsupportedFeatureException"/>
/// naming the feature. It writes reader 1 / writer 2 tables with no table features.
/// </remarks>
public sealed class DeltaTable
{
    /// <summary>The default of <see cref="MaxCommitAttempts"/>.</summary>
    public const int DefaultMaxCommitAttempts = 20;

    private readonly IObjectStore _store;
    private readonly TimeProvider _timeProvider;
    private readonly Action<DeltaTableWarning>? _onWarning;

    /// <param name="store">Where the table lives.</param>
    /// <param name="tablePath">The table folder relative to the store root; <c>""</c> for the root itself.</param>
    /// <param name="timeProvider">The clock for commit and deletion timestamps; <see cref="TimeProvider.System"/> when omitted.</param>
    /// <param name="onWarning">
    /// Told about failures that do not fail the operation, such as a checkpoint that could not be
    /// written after a successful commit; when omitted they are dropped silently.
    /// </param>
    public DeltaTable(IObjectStore store, string tablePath, TimeProvider? timeProvider = null, Action<DeltaTableWarning>? onWarning = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        TablePath = ObjectPath.Validate(tablePath, nameof(tablePath), allowEmpty: true).TrimEnd('/');
        _timeProvider = timeProvider ?? TimeProvider.System;
        _onWarning = onWarning;
    }

    /// <summary>The table folder relative to the store root.</summary>
    public string TablePath { get; }

    /// <summary>How many versions a commit may try before giving up when other writers keep winning.</summary>
    /// <value>Default <see cref="DefaultMaxCommitAttempts"/>; at least 1.</value>
    public int MaxCommitAttempts
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A commit needs at least one attempt.");
    } = DefaultMaxCommitAttempts;

    /// <summary>The snapshot at <paramref name="version"/> (latest when omitted), or <see langword="null"/> when there is no <c>_delta_log</c>.</summary>
    public Task<DeltaSnapshot?> TryLoadSnapshotAsync(long? version = null, CancellationToken cancellationToken = default) =>
        SnapshotLoader.LoadAsync(_store, TablePath, version, cancellationToken);

    /// <summary>The snapshot at <paramref name="version"/> (latest when omitted).</summary>
    /// <remarks>Throws <see cref="DeltaTableNotFoundException"/> when there is no table.</remarks>
    public async Task<DeltaSnapshot> LoadSnapshotAsync(long? version = null, CancellationToken cancellationToken = default) =>
        await TryLoadSnapshotAsync(version, cancellationToken)
        ?? throw new DeltaTableNotFoundException($"There is no Delta table at '{_store.Describe(TablePath)}' (no commits in _delta_log).");

    /// <summary>Reads the latest snapshot (if any) and starts a transaction on it.</summary>
    /// <remarks>Throws <see cref="DeltaUnsupportedFeatureException"/> when the table needs a writer version above 2.</remarks>
    public async Task<DeltaTransaction> StartTransactionAsync(CancellationToken cancellationToken = default) =>
        StartTransaction(await TryLoadSnapshotAsync(cancellationToken: cancellationToken));

    /// <summary>
    /// Starts a transaction on a snapshot of this table the caller already loaded (null: no table yet), so a
    /// writer that read the snapshot to decide what to do does not load it again. If the table moved on since,
    /// the commit sees the newer versions as it would any concurrent writer's (conflict checks, or a retry).
    /// </summary>
    /// <remarks>Throws <see cref="DeltaUnsupportedFeatureException"/> when the table needs a writer version above 2.</remarks>
    public DeltaTransaction StartTransaction(DeltaSnapshot? snapshot)
    {
        if (snapshot is not null)
        {
            ProtocolCheck.EnsureWritable(snapshot.Protocol, _store.Describe(TablePath));
        }

        return new DeltaTransaction(_store, TablePath, _timeProvider, snapshot, new CommitSettings(MaxCommitAttempts, _onWarning));
    }

    /// <summary>One entry per commit file still in the log, oldest first.</summary>
    public async Task<IReadOnlyList<DeltaCommitInfo>> HistoryAsync(CancellationToken cancellationToken = default)
    {
        var files = await LogFiles.ListAsync(_store, TablePath, cancellationToken);
        var history = new List<DeltaCommitInfo>(files.Commits.Count);
        foreach (var (version, info) in files.Commits)
        {
            var content = await _store.TryReadAsync(info.Path, cancellationToken);
            if (content is not null)
            {
                history.Add(ToCommitInfo(version, info.LastModified, FindCommitInfo(content)));
            }
        }

        return history;
    }

    /// <summary>
    /// The <c>commitInfo</c> of one version, reading only that commit file: for callers that know
    /// the version they want (e.g. from a <c>txn</c> marker) and must not read the whole history.
    /// </summary>
    /// <returns>Null when the commit is not in the log (never written, or removed by log cleanup).</returns>
    public async Task<DeltaCommitInfo?> TryReadCommitInfoAsync(long version, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        var content = await _store.TryReadAsync(LogFiles.CommitPath(TablePath, version), cancellationToken);
        return content is null ? null : ToCommitInfo(version, DateTimeOffset.UnixEpoch, FindCommitInfo(content));
    }

    /// <summary>What a transaction needs from its table beyond the store and clock.</summary>
    internal sealed record CommitSettings(int MaxCommitAttempts, Action<DeltaTableWarning>? OnWarning);

    private static JsonObject? FindCommitInfo(byte[] content)
    {
        foreach (var line in Encoding.UTF8.GetString(content).Split('\n'))
        {
            // Only the commitInfo line is parsed; history does not need the other actions.
            if (line.Contains("\"commitInfo\"", StringComparison.Ordinal) && JsonNode.Parse(line) is JsonObject json && json["commitInfo"] is JsonObject commitInfo)
            {
                return commitInfo;
            }
        }

        return null;
    }

    private static DeltaCommitInfo ToCommitInfo(long version, DateTimeOffset fileTime, JsonObject? commitInfo)
    {
        var timestamp = commitInfo is not null && LogJson.Long(commitInfo, "timestamp") is { } milliseconds
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
            : fileTime;
        var parameters = new Dictionary<string, JsonNode?>();
        if (commitInfo?["operationParameters"] is JsonObject parameterJson)
        {
            foreach (var (key, value) in parameterJson)
            {
                parameters[key] = value?.DeepClone();
            }
        }

        var extras = new Dictionary<string, JsonNode?>();
        foreach (var (key, value) in commitInfo ?? [])
        {
            if (key is not ("timestamp" or "operation" or "operationParameters"))
            {
                extras[key] = value?.DeepClone();
            }
        }

        return new DeltaCommitInfo(version, timestamp, commitInfo is null ? null : LogJson.String(commitInfo, "operation"), parameters, extras);
    }
}
