using Medallion.Jobs.Engine;
using Medallion.Jobs.Lake;
using Medallion.Orchestration.Ledger;

namespace Medallion.Jobs.Spark;

/// <summary>What a layer job hands back: its result and, for bronze, the raw files it read.</summary>
internal sealed record LayerOutcome(LayerResult Result, IReadOnlyList<RunInputFile>? InputFiles = null);

/// <summary>
/// Keeps the run's <c>_run.json</c> the way the embedded engine does, across two jobs: bronze
/// starts the entry, silver adds to it and writes <c>_SUCCESS</c> last.
/// </summary>
internal sealed class JobLedger(RunLedger ledger, LakeLayout layout, RunContext run, string environment, string schemaVersion, TimeProvider clock)
{
    /// <returns>True when the layer succeeded; a failure is recorded in the ledger and printed.</returns>
    public async Task<bool> RunAsync(string layer, Func<Task<LayerOutcome>> work)
    {
        var entry = layer == "silver" ? await ledger.ReadAsync(layout, run.RunKey) : null;
        entry = (entry ?? new RunLedgerEntry(
                run.RunKey, layout.Dataset, layout.Table, [], run.Engine, environment, schemaVersion,
                RunLedgerEntry.Running, [], [], Bronze: null, Silver: null, Error: null))
            .WithStatus(RunLedgerEntry.Running, clock.GetUtcNow()) with { Error = null };
        entry = entry with { Layers = [.. entry.Layers.Where(l => l != layer), layer] };
        await ledger.ClearSucceededAsync(layout, run.RunKey);
        await ledger.WriteAsync(layout, entry);

        try
        {
            var outcome = await work();
            entry = layer == "bronze"
                ? entry with { Bronze = outcome.Result, InputFiles = outcome.InputFiles ?? entry.InputFiles }
                : entry with { Silver = outcome.Result };
            entry = entry.WithStatus(RunLedgerEntry.Succeeded, clock.GetUtcNow());
            await ledger.WriteAsync(layout, entry);
            if (entry.Silver is not null)
            {
                await ledger.MarkSucceededAsync(layout, run.RunKey);
            }

            return true;
        }
        catch (Exception error)
        {
            // The job's process ends here: whatever failed (a rule, Spark, the lake) is recorded
            // for the orchestrator and printed for the EMR log, not rethrown into the Spark driver.
            await ledger.WriteAsync(layout, entry.WithStatus(RunLedgerEntry.Failed, clock.GetUtcNow()) with { Error = error.Message });
            await Console.Error.WriteLineAsync($"{layout.Dataset}.{layout.Table} {layer} {run.RunKey} failed: {error.Message}");
            return false;
        }
    }
}
