using Medallion.Delta;

namespace Medallion.Orchestration.Promotion;

/// <summary>
/// The commits Medallion made to a table's <c>current/</c>, read from its Delta log (the source of
/// truth behind <c>_LATEST.json</c>) without reading the whole history: every lookup costs a bounded
/// number of commit reads, whatever the age of the table.
/// </summary>
/// <remarks>
/// Two indexes make that possible. The snapshot (its checkpoint plus the few commits after it) holds
/// a <c>txn</c> marker per promoted run, <see cref="RunAppId"/>, whose version is the Delta version of
/// the run's promotion commit: written in the same commit, so never behind the log. And
/// <c>_LATEST.json</c> keeps the newest commits (<see cref="LatestPointer.HistoryLimit"/>); when it
/// lags the log (a crash after a commit) only the commits after the one it records are read.
/// </remarks>
internal static class PromotionLog
{
    private const string RunMarker = "/run/";

    /// <summary>The <c>txn</c> app id that marks the promotion of <paramref name="runKey"/> (its version: the commit's version).</summary>
    public static string RunAppId(LakeTable table, string runKey) => table.Layout.PromotionAppId + RunMarker + runKey;

    /// <summary>The runs the snapshot marks as promoted, by run key, with the version of their promotion commit.</summary>
    public static IReadOnlyDictionary<string, long> PromotedRuns(LakeTable table, DeltaSnapshot? snapshot)
    {
        var prefix = table.Layout.PromotionAppId + RunMarker;
        return (snapshot?.AppTransactions ?? new Dictionary<string, long>())
            .Where(pair => pair.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(pair => pair.Key[prefix.Length..], pair => pair.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// The promotion commit of <paramref name="runKey"/>, or null when the run was never promoted:
    /// the snapshot's marker names the version, and that one commit is read. A table promoted before
    /// the markers existed falls back on <paramref name="promotedVersion"/>, the version the run's
    /// ledger recorded.
    /// </summary>
    public static async Task<PromotionRecord?> FindPromotionAsync(
        LakeTable table, DeltaSnapshot? snapshot, string runKey, long? promotedVersion, CancellationToken cancellationToken)
    {
        var version = snapshot?.AppTransactions.TryGetValue(RunAppId(table, runKey), out var marked) == true ? marked : promotedVersion;
        if (version is not { } at || snapshot is null || at > snapshot.Version)
        {
            return null;
        }

        var record = await ReadAsync(table, at, cancellationToken);
        if (record is { Operation: PromotionRecord.PromoteOperation } && record.RunKey == runKey)
        {
            return record;
        }

        // The commit left the log (older than its retention): the marker still proves the promotion.
        return record is null && snapshot.AppTransactions.ContainsKey(RunAppId(table, runKey))
            ? new PromotionRecord(PromotionRecord.PromoteOperation, runKey, string.Empty, 0, at, string.Empty, [], new PromotionCounts(0, 0, 0, 0), DateTimeOffset.UnixEpoch)
            : null;
    }

    /// <summary>The record of the commit at <paramref name="version"/>, or null when it is not Medallion's or no longer in the log.</summary>
    public static async Task<PromotionRecord?> ReadAsync(LakeTable table, long version, CancellationToken cancellationToken)
    {
        var commit = await new DeltaTable(table.Store, table.Layout.SilverCurrent).TryReadCommitInfoAsync(version, cancellationToken);
        return commit is null ? null : PromotionCommitInfo.Read(commit);
    }

    /// <summary>Medallion's commits after version <paramref name="after"/> up to <paramref name="upTo"/>, oldest first (the gap a lagging pointer misses).</summary>
    public static async Task<IReadOnlyList<PromotionRecord>> ReadBetweenAsync(LakeTable table, long after, long upTo, CancellationToken cancellationToken)
    {
        var records = new List<PromotionRecord>();
        for (var version = Math.Max(after + 1, 0); version <= upTo; version++)
        {
            if (await ReadAsync(table, version, cancellationToken) is { } record)
            {
                records.Add(record);
            }
        }

        return records;
    }

    /// <summary>
    /// Up to <paramref name="count"/> of Medallion's newest commits at or below <paramref name="upTo"/>,
    /// oldest first, read backwards until enough are found or the log's retained commits end.
    /// </summary>
    public static async Task<IReadOnlyList<PromotionRecord>> ReadNewestAsync(LakeTable table, long upTo, int count, CancellationToken cancellationToken)
    {
        var current = new DeltaTable(table.Store, table.Layout.SilverCurrent);
        var records = new List<PromotionRecord>();
        for (var version = upTo; version >= 0 && records.Count < count; version--)
        {
            var commit = await current.TryReadCommitInfoAsync(version, cancellationToken);
            if (commit is null)
            {
                break;
            }

            if (PromotionCommitInfo.Read(commit) is { } record)
            {
                records.Add(record);
            }
        }

        records.Reverse();
        return records;
    }

    /// <summary>
    /// The promotion whose files <c>current/</c> holds now: the pointer's newest commit when it is a
    /// promotion, or the promotion a rollback restored (followed through earlier rollbacks, from the
    /// pointer's history or, past it, one commit read per step).
    /// </summary>
    public static async Task<PromotionRecord?> EffectiveAsync(LakeTable table, LatestPointer? pointer, CancellationToken cancellationToken)
    {
        var record = pointer?.Latest;
        while (record is { Operation: PromotionRecord.RollbackOperation, RestoredVersion: { } restored } && restored < record.CurrentVersion)
        {
            record = pointer!.History.FirstOrDefault(r => r.CurrentVersion == restored) ?? await ReadAsync(table, restored, cancellationToken);
        }

        return record;
    }
}
