using Medallion.Delta;
using Medallion.Orchestration.Ledger;
using Medallion.Orchestration.Validation;

namespace Medallion.Orchestration.Promotion;

/// <summary>Choosing the run, the gate, publish-once, and the copies.</summary>
public sealed partial class Promoter
{
    private static async Task<RunLedgerEntry> NewestValidatedAsync(LakeTable table, RunLedger ledger, CancellationToken cancellationToken)
    {
        var runs = await ledger.ListAsync(table.Layout, cancellationToken);
        return runs.FirstOrDefault(r => r.Status == RunLedgerEntry.Validated)
            ?? throw new MedallionException(
                $"{table.Name}: no validated run is waiting for promotion" +
                (runs.Count == 0 ? " (the table has no runs)." : $"; newest runs: {string.Join(", ", runs.Take(5).Select(r => $"{r.RunKey} ({r.Status})"))}."));
    }

    /// <summary>
    /// Publish-once: when the log of <c>current/</c> already has this run's promotion, nothing is
    /// committed; a pointer or ledger a crash left behind is brought up to date instead. Decided from
    /// the snapshot's <c>txn</c> marker of the run, reading at most that one commit, never the history.
    /// </summary>
    /// <param name="snapshot">The latest snapshot of <c>current/</c> (null: none yet), loaded once by the caller.</param>
    private async Task<PromotionResult?> AlreadyPromotedAsync(LakeTable table, RunLedgerEntry entry, LatestPointer? latest, DeltaSnapshot? snapshot, CancellationToken cancellationToken)
    {
        if (snapshot?.AppTransactions.ContainsKey(table.Layout.PromotionAppId) != true)
        {
            return null;
        }

        if (await PromotionLog.FindPromotionAsync(table, snapshot, entry.RunKey, entry.PromotedVersion, cancellationToken) is not { } promotion)
        {
            return null;
        }

        reporter.Progress($"{table.Name}: run {entry.RunKey} was promoted before (version {promotion.CurrentVersion} of current/); nothing to change.");
        if (entry.Status is RunLedgerEntry.Succeeded or RunLedgerEntry.Validated)
        {
            // The ledger lags the log (a crash after the commit, or the key ran again): catch it up.
            if ((await PromotionLog.EffectiveAsync(table, latest, cancellationToken))?.RunKey == entry.RunKey)
            {
                await CurrentPublisher.UpdateLedgersAsync(
                    table, promotion with { PromotedAt = clock.GetUtcNow() }, latest?.History.FirstOrDefault()?.RunKey, RunLedgerEntry.Superseded, cancellationToken);
            }
            else
            {
                await new RunLedger(table.Store).SetStatusAsync(table.Layout, entry.RunKey, RunLedgerEntry.Superseded, clock.GetUtcNow(), cancellationToken: cancellationToken);
            }
        }

        return new PromotionResult(table.Name, promotion, AlreadyPromoted: true, FilesCopied: 0);
    }

    /// <summary>
    /// A run is promoted when its ledger says <c>validated</c>, its <c>_validation.json</c> passed and it has
    /// silver output. Each refusal names what it found, so the message never contradicts the status
    /// (issue 16: "its status is validated. Only a validated run is promoted").
    /// </summary>
    private async Task EnsureValidatedAsync(LakeTable table, RunLedgerEntry entry, CancellationToken cancellationToken)
    {
        var report = await RunValidator.ReadReportAsync(table, entry.RunKey, cancellationToken);
        var validate = $"medallion validate {table.Dataset.Name} --table {table.Table.Name} --run-key {entry.RunKey}";
        var run = $"medallion run {table.Dataset.Name} --table {table.Table.Name} --run-key {entry.RunKey}";
        var why = entry.Status switch
        {
            RunLedgerEntry.Validated when report is null => $"its ledger says validated but its validation report {table.Store.Describe(table.Layout.RunValidation(entry.RunKey))} is missing; validate it again ({validate})",
            RunLedgerEntry.Validated when !report.Passed => $"its ledger says validated but its validation report says it failed ({report.DescribeFailures()}); validate it again ({validate})",
            RunLedgerEntry.Validated when entry.Silver is null => $"its ledger says validated but records no silver layer (it ran --layer bronze only); run silver ({run} --layer silver), then validate",
            RunLedgerEntry.Validated => null,
            RunLedgerEntry.Succeeded => $"its status is succeeded: it has not been validated yet ({validate})",
            RunLedgerEntry.Rejected => $"its status is rejected: validation failed{(report is { Passed: false } ? $": {report.DescribeFailures()}" : "")}",
            RunLedgerEntry.Running when await new RunLedger(table.Store).IsAbandonedAsync(table.Layout, entry, clock.GetUtcNow(), cancellationToken) =>
                $"its ledger says running, but no attempt holds the run key: that attempt was abandoned (killed, or it could not record its end); run the key again ({run})",
            RunLedgerEntry.Running => "its status is running: an attempt of the key is still running; promote it once it has succeeded and been validated",
            RunLedgerEntry.Failed => $"its status is failed ({entry.Error}); run the key again ({run})",
            var status => $"its status is {status}; only a run whose status is validated is promoted",
        };
        if (why is not null)
        {
            throw new MedallionException($"{table.Name}: run {entry.RunKey} cannot be promoted: {why}.");
        }
    }

    /// <summary>
    /// Copies the staged files to the same relative paths under <c>current/</c>, many at once.
    /// Until the commit names them they are invisible to readers; names are unique per run
    /// attempt (DuckDB writes <c>part-{uuid}</c>), so a copy never overwrites a live file.
    /// </summary>
    private async Task<int> CopyFilesAsync(LakeTable table, string runKey, IReadOnlyList<AddFile> files, CancellationToken cancellationToken)
    {
        var runPath = table.Layout.SilverRun(runKey);
        var copies = files.Select(file => file.Path.Contains("://", StringComparison.Ordinal) || file.Path.StartsWith('/')
            ? throw new MedallionException($"{table.Name}: staged file '{file.Path}' of run {runKey} is an absolute path; Medallion promotes only files inside the run's folder.")
            : ($"{runPath}/{file.Path}", $"{table.Layout.SilverCurrent}/{file.Path}")).ToList();
        var copied = await FileCopier.CopyAsync(table.Store, copies, _options.CopyParallelism, cancellationToken);
        reporter.Progress($"{table.Name}: copied {copied} data file(s) of run {runKey} under current/");
        CrashPoints.Reach(CrashPoints.PromoteBeforeCommit);
        return copied;
    }
}
