using System.Text.Json.Nodes;
using Medallion.Delta;
using Medallion.Orchestration.Ledger;

namespace Medallion.Orchestration.Promotion;

/// <summary>
/// The last steps every change to <c>current/</c> shares: one Delta commit carrying the
/// <c>txn</c> marker and the record in its <c>commitInfo</c>, then <c>_LATEST.json</c>, then the
/// ledgers of the runs whose status changed. The commit is the point of no return: a crash
/// after it leaves <c>_LATEST.json</c> behind the log, and the next read rebuilds it.
/// </summary>
internal static class CurrentPublisher
{
    /// <exception cref="DeltaConcurrentCommitException">Another writer committed the version first.</exception>
    public static async Task<long> CommitAsync(
        LakeTable table, DeltaTransaction transaction, PromotionRecord record, string operation,
        IReadOnlyDictionary<string, JsonNode?> operationParameters, CancellationToken cancellationToken)
    {
        transaction.SetAppTransaction(table.Layout.PromotionAppId, record.Sequence);
        if (record.Operation == PromotionRecord.PromoteOperation)
        {
            // Publish-once and rollback find the run's commit from this marker in the snapshot, not from history.
            transaction.SetAppTransactionAtCommitVersion(PromotionLog.RunAppId(table, record.RunKey));
        }

        var version = await transaction.CommitAsync(operation, operationParameters, PromotionCommitInfo.Extras(record), cancellationToken);
        CrashPoints.Reach(CrashPoints.PromoteAfterCommit);
        return version;
    }

    /// <summary>Writes <c>_LATEST.json</c> for <paramref name="record"/>, extending <paramref name="before"/> when it is the commit just before.</summary>
    public static async Task<LatestPointer> WriteLatestAsync(LakeTable table, LatestPointer? before, PromotionRecord record, CancellationToken cancellationToken)
    {
        LatestPointer pointer;
        if (before is null ? record.Sequence == 1 : before.Latest.Sequence == record.Sequence - 1)
        {
            pointer = before?.Then(record) ?? new LatestPointer(table.Dataset.Name, table.Table.Name, record, []);
        }
        else
        {
            // Another promotion landed in between: the commits since the pointer's newest tell the rest.
            pointer = await LatestPointerStore.RebuildAsync(table, before, record.CurrentVersion, cancellationToken)
                ?? new LatestPointer(table.Dataset.Name, table.Table.Name, record, []);
        }

        await LatestPointerStore.WriteAsync(table, pointer, cancellationToken);
        return pointer;
    }

    /// <summary>Moves the run now in <c>current/</c> to promoted and the one it replaced to <paramref name="replacedStatus"/>.</summary>
    public static async Task UpdateLedgersAsync(
        LakeTable table, PromotionRecord record, string? replacedRunKey, string replacedStatus, CancellationToken cancellationToken)
    {
        var ledger = new RunLedger(table.Store);
        if (replacedRunKey is not null && replacedRunKey != record.RunKey)
        {
            await ledger.SetStatusAsync(table.Layout, replacedRunKey, replacedStatus, record.PromotedAt, cancellationToken: cancellationToken);
        }

        await ledger.SetStatusAsync(
            table.Layout, record.RunKey, RunLedgerEntry.Promoted, record.PromotedAt, e => e with { PromotedVersion = record.CurrentVersion }, cancellationToken);
    }

    /// <summary>Rows live after a commit that keeps <paramref name="kept"/> and adds <paramref name="added"/>.</summary>
    public static long Rows(IEnumerable<AddFile> kept, IEnumerable<AddFile> added) =>
        kept.Concat(added).Sum(f => f.Stats?.NumRecords ?? 0);
}
