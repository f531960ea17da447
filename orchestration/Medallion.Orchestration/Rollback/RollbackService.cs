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
        var current = new DeltaTable(table.Store, table.Layout.SilverCurrent, clock);
        var snapshot = await current.TryLoadSnapshotAsync(cancellationToken: cancellationToken);
        var before = await new LatestPointerStore(reporter).ReadAsync(table, snapshot, cancellationToken);
        var live = await PromotionLog.EffectiveAsync(table, before, cancellationToken)
            ?? throw new MedallionException($"{table.Name}: nothing was ever promoted to {table.Store.Describe(table.Layout.SilverCurrent)}, so there is nothing to roll back.");
        var target = await FindTargetAsync(table, snapshot, before!, live, toRunKey, cancellationToken);
        if (target.CurrentVersion == live.CurrentVersion)
        {
            reporter.Progress($"{table.Name}: current/ already holds the promotion of run {target.RunKey} (version {target.CurrentVersion}); nothing to change.");
            return new RollbackResult(table.Name, live, Changed: false, 0, 0);
        }

        var wanted = (await LoadTargetAsync(table, current, target, cancellationToken)).Files;
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
            var version = await CurrentPublisher.CommitAsync(table, transaction, record, "RESTORE", new Dictionary<string, JsonNode?> { ["version"] = target.CurrentVersion }, cancellationToken);
            record = record with { CurrentVersion = version };
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

    /// <summary>
    /// The promotion to return to: the named run's, found by its marker in the snapshot; or the newest
    /// promotion before the live one, from the pointer's history (the last <see cref="LatestPointer.HistoryLimit"/> commits).
    /// </summary>
    private static async Task<PromotionRecord> FindTargetAsync(
        LakeTable table, DeltaSnapshot? snapshot, LatestPointer pointer, PromotionRecord live, string? toRunKey, CancellationToken cancellationToken)
    {
        if (toRunKey is not null)
        {
            var ledger = await new RunLedger(table.Store).ReadAsync(table.Layout, toRunKey, cancellationToken);
            return await PromotionLog.FindPromotionAsync(table, snapshot, toRunKey, ledger?.PromotedVersion, cancellationToken)
                ?? throw new MedallionException(
                    $"{table.Name}: run '{toRunKey}' was never promoted to current/; promoted runs: " +
                    string.Join(", ", PromotionLog.PromotedRuns(table, snapshot).OrderByDescending(p => p.Value).Select(p => p.Key).Take(20)) + ".");
        }

        return new[] { pointer.Latest }.Concat(pointer.History)
            .Where(r => r.Operation == PromotionRecord.PromoteOperation && r.CurrentVersion < live.CurrentVersion)
            .MaxBy(r => r.CurrentVersion)
            ?? throw new MedallionException(
                $"{table.Name}: current/ holds run {live.RunKey}, and the last {LatestPointer.HistoryLimit} commits to it hold no earlier promotion to roll back to; " +
                "name the run to return to (--to).");
    }

    /// <summary>The files live right after the target's commit; a version the log no longer keeps (older than its retention) cannot be restored.</summary>
    private static async Task<DeltaSnapshot> LoadTargetAsync(LakeTable table, DeltaTable current, PromotionRecord target, CancellationToken cancellationToken)
    {
        try
        {
            return await current.LoadSnapshotAsync(target.CurrentVersion, cancellationToken);
        }
        catch (DeltaVersionNotFoundException error)
        {
            throw new MedallionException(
                $"{table.Name}: cannot roll back to run {target.RunKey}: version {target.CurrentVersion} of {table.Store.Describe(table.Layout.SilverCurrent)} " +
                $"is older than its log retention (delta.logRetentionDuration) and its commits were cleaned up; promote that run's data again instead.", error);
        }
    }

    private static async Task EnsurePresentAsync(LakeTable table, IReadOnlyList<AddFile> files, PromotionRecord target, CancellationToken cancellationToken)
    {
        // One existence check per wanted file, not a listing of current/ (which grows with every promotion).
        var missingFiles = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (file, token) =>
        {
            if (!await table.Store.ExistsAsync($"{table.Layout.SilverCurrent}/{file.Path}", token))
            {
                missingFiles.Add(file.Path);
            }
        });
        var missing = missingFiles.Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new MedallionException(
                $"{table.Name}: cannot roll back to run {target.RunKey} (version {target.CurrentVersion}): {missing.Count} of its files are gone from " +
                $"{table.Store.Describe(table.Layout.SilverCurrent)} (e.g. {missing[0]}); promote that run's data again instead.");
        }
    }
}
