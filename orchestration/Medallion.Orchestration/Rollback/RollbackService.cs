using System.Text.Json.Nodes;
using Medallion.Delta;
using Medallion.Orchestration.Ledger;
using Medallion.Orchestration.Promotion;
using Medallion.Orchestration.Runs;

namespace Medallion.Orchestration.Rollback;

/// <summary>
/// Rolls <c>current/</c> back to what it was right after an earlier promotion, in one new Delta
/// commit: it removes the live files and re-adds the files that were live then (still present,
/// since removed files are only tombstoned), so no data is rewritten and readers never see a mix.
/// </summary>
public sealed class RollbackService(TimeProvider clock, IRunReporter reporter)
{
    /// <param name="toRunKey">The run whose promotion to return to; null for the promotion before the live one.</param>
    /// <exception cref="MedallionException">
    /// Nothing to roll back to, the run was never promoted, a file of the target is gone, or
    /// another commit landed on <c>current/</c> at the same moment.
    /// </exception>
    public async Task<RollbackResult> RollbackAsync(LakeTable table, string? toRunKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        var before = await new LatestPointerStore(reporter).ReadAsync(table, cancellationToken);
        var log = await PromotionLog.ReadAsync(table, cancellationToken);
        var live = PromotionLog.Effective(log)
            ?? throw new MedallionException($"{table.Name}: nothing was ever promoted to {table.Store.Describe(table.Layout.SilverCurrent)}, so there is nothing to roll back.");
        var target = FindTarget(table, log, live, toRunKey);
        if (target.CurrentVersion == live.CurrentVersion)
        {
            reporter.Progress($"{table.Name}: current/ already holds the promotion of run {target.RunKey} (version {target.CurrentVersion}); nothing to change.");
            return new RollbackResult(table.Name, live, Changed: false, 0, 0);
        }

        var current = new DeltaTable(table.Store, table.Layout.SilverCurrent, clock);
        var wanted = (await current.LoadSnapshotAsync(target.CurrentVersion, cancellationToken)).Files;
        await EnsurePresentAsync(table, wanted, target, cancellationToken);

        var transaction = await current.StartTransactionAsync(cancellationToken);
        var liveFiles = transaction.ReadSnapshot!.Files;
        var wantedPaths = wanted.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var livePaths = liveFiles.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var removed = liveFiles.Where(f => !wantedPaths.Contains(f.Path)).ToList();
        var readded = wanted.Where(f => !livePaths.Contains(f.Path)).ToList();
        removed.ForEach(f => transaction.Remove(f));
        readded.ForEach(transaction.Add);

        var columns = transaction.ReadSnapshot.Metadata.PartitionColumns;
        var record = new PromotionRecord(
            PromotionRecord.RollbackOperation, target.RunKey, target.SchemaVersion,
            (transaction.ReadSnapshot.AppTransactions.GetValueOrDefault(table.Layout.PromotionAppId)) + 1,
            transaction.NextVersion, "restore",
            [.. removed.Concat(readded).Select(f => PartitionPath.Of(f, columns)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            target.Counts with { CurrentRows = CurrentPublisher.Rows(wanted, []) },
            clock.GetUtcNow(), target.EmrJobRunIds, target.ExecutionArn, RolledBackRunKey: live.RunKey, RestoredVersion: target.CurrentVersion)
        {
            StateMachine = target.StateMachine,
        };
        try
        {
            await CurrentPublisher.CommitAsync(table, transaction, record, "RESTORE", new Dictionary<string, JsonNode?> { ["version"] = target.CurrentVersion }, cancellationToken);
        }
        catch (DeltaConcurrentCommitException conflict)
        {
            throw new MedallionException(
                $"{table.Name}: another commit took version {conflict.AttemptedVersion} of {table.Store.Describe(table.Layout.SilverCurrent)} while rolling back to run {target.RunKey}; nothing was rolled back. Check `medallion runs` and try again.",
                isTransient: true, conflict);
        }

        await CurrentPublisher.WriteLatestAsync(table, before, record, cancellationToken);
        await CurrentPublisher.UpdateLedgersAsync(table, record, live.RunKey, RunLedgerEntry.RolledBack, cancellationToken);
        return new RollbackResult(table.Name, record, Changed: true, removed.Count, readded.Count);
    }

    private static PromotionRecord FindTarget(LakeTable table, IReadOnlyList<PromotionRecord> log, PromotionRecord live, string? toRunKey)
    {
        if (toRunKey is not null)
        {
            return PromotionLog.FindPromotion(log, toRunKey)
                ?? throw new MedallionException(
                    $"{table.Name}: run '{toRunKey}' was never promoted to current/; promoted runs: " +
                    string.Join(", ", log.Where(r => r.Operation == PromotionRecord.PromoteOperation).Select(r => r.RunKey).Distinct()) + ".");
        }

        return log.LastOrDefault(r => r.Operation == PromotionRecord.PromoteOperation && r.CurrentVersion < live.CurrentVersion)
            ?? throw new MedallionException($"{table.Name}: current/ holds the first promotion still in its log (run {live.RunKey}); there is no earlier promotion to roll back to.");
    }

    private static async Task EnsurePresentAsync(LakeTable table, IReadOnlyList<AddFile> files, PromotionRecord target, CancellationToken cancellationToken)
    {
        var present = (await table.Store.ListAsync(table.Layout.SilverCurrent + "/", cancellationToken)).Select(o => o.Path).ToHashSet(StringComparer.Ordinal);
        var missing = files.Where(f => !present.Contains($"{table.Layout.SilverCurrent}/{f.Path}")).Select(f => f.Path).ToList();
        if (missing.Count > 0)
        {
            throw new MedallionException(
                $"{table.Name}: cannot roll back to run {target.RunKey} (version {target.CurrentVersion}): {missing.Count} of its files are gone from " +
                $"{table.Store.Describe(table.Layout.SilverCurrent)} (e.g. {missing[0]}); promote that run's data again instead.");
        }
    }
}
