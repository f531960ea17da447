using System.Runtime.CompilerServices;
using Medallion.Jobs.Lake;
using Medallion.Orchestration.History;
using Medallion.Orchestration.Ledger;
using Medallion.Orchestration.Promotion;
using Medallion.Orchestration.Runs;
using Medallion.Orchestration.Tracing;
using Medallion.Orchestration.Validation;

namespace Medallion.Orchestration.Gate;

/// <summary>
/// The write-audit-publish tail of a run, in one place for every way a run is made: each table's
/// staged run is validated, then promoted when it passed. A table that fails validation leaves
/// its <c>current/</c> untouched; the others still publish. <c>medallion run</c> calls it after the
/// embedded engine's layers, <c>medallion submit --wait</c> and the Spark job host's
/// <c>promote</c> step after the EMR Serverless layers.
/// </summary>
public sealed class RunGate(TimeProvider clock, IRunReporter reporter)
{
    /// <summary>Validates, then (with <paramref name="promote"/>) promotes, each table in turn, yielding as each is done.</summary>
    /// <exception cref="ArgumentException">The run key breaks <see cref="RunKey.Rule"/>.</exception>
    /// <exception cref="MedallionException">A run without a ledger, an unreadable file, or a promotion that cannot happen.</exception>
    public async IAsyncEnumerable<GateOutcome> PassAsync(
        IReadOnlyList<LakeTable> tables, string runKey, bool promote = true, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tables);
        RunKey.Validate(runKey);
        var validator = new RunValidator(clock, reporter);
        var promoter = new Promoter(clock, reporter);
        foreach (var table in tables)
        {
            var report = await validator.ValidateAsync(table, runKey, cancellationToken);
            var promotion = report.Passed && promote ? await promoter.PromoteAsync(table, runKey, cancellationToken) : null;
            if (await RunHistoryRecorder.RecordAsync(table, runKey, report, clock, cancellationToken) is { } problem)
            {
                reporter.Warning($"{table.Name}: run {runKey}: {problem}");
            }

            yield return new GateOutcome(table, report, promotion);
        }
    }

    /// <summary>The selected tables in the lake the selection's environment names.</summary>
    /// <exception cref="MedallionException">The environment's lake cannot be opened.</exception>
    public static IReadOnlyList<LakeTable> OpenTables(PipelineSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var lake = LakeResolver.Open(selection.Environment);
        return [.. selection.Tables.Select(t => new LakeTable(lake.Store, selection.Dataset, t) { Environment = selection.Environment })];
    }

    /// <summary>
    /// Validates and promotes a run of the selected tables in the environment's lake, writing
    /// plain lines (a log, not a terminal) to <paramref name="output"/>.
    /// </summary>
    /// <param name="trace">The execution and job runs that made the run, recorded in each ledger first (and so in the promotion); null when unknown.</param>
    /// <returns>True when every table passed validation (and so was promoted); a table whose run ended <c>nothing_new</c> is skipped.</returns>
    public static async Task<bool> ValidateAndPromoteAsync(
        PipelineSelection selection, string runKey, TextWriter output, TimeProvider clock, RunTrace? trace = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var gate = new RunGate(clock, new TextRunReporter(output));
        var tables = OpenTables(selection);
        if (trace is not null)
        {
            await RunTraceRecorder.RecordAsync(tables, RunKey.Validate(runKey), trace, cancellationToken);
        }

        var gated = new List<LakeTable>();
        foreach (var table in tables)
        {
            // A run that found nothing new wrote nothing (the Spark bronze job ended it nothing_new, its silver
            // job skipped it): there is nothing to validate or promote, and nothing failed, as in `medallion run`.
            if (await new RunLedger(table.Store).ReadAsync(table.Layout, runKey, cancellationToken) is { Status: RunLedgerEntry.NothingNew } entry)
            {
                await output.WriteLineAsync($"{table.Name}: run {runKey}: {entry.Ingestion?.Describe() ?? "nothing new"}; nothing to validate or promote.");
                continue;
            }

            gated.Add(table);
        }

        var passed = true;
        await foreach (var outcome in gate.PassAsync(gated, runKey, promote: true, cancellationToken))
        {
            foreach (var line in outcome.Describe())
            {
                await output.WriteLineAsync(line);
            }

            passed &= outcome.Passed;
        }

        return passed;
    }
}
