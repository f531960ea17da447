using Medallion.Jobs.Config;
using Medallion.Jobs.Engine;
using Medallion.Jobs.Engine.DuckDb;
using Medallion.Jobs.Lake;
using Medallion.Jobs.Plan;
using Medallion.Orchestration.Ledger;

namespace Medallion.Orchestration.Runs;

/// <summary>
/// Runs a dataset's tables through bronze and silver on the embedded engine, keeping each run's
/// ledger (<c>_run.json</c>, then <c>_SUCCESS</c> last) beside its staged silver table.
/// </summary>
public sealed class PipelineRunner(MedallionConfiguration configuration, TimeProvider clock, IRunReporter reporter)
{
    /// <summary>Runs every selected table; a failing table does not stop the others.</summary>
    /// <exception cref="ArgumentException">An unknown dataset, table or environment, or a bad run key (usage errors).</exception>
    public async Task<IReadOnlyList<TableRunOutcome>> RunAsync(RunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (dataset, tables, environment) = PipelineSelection.Resolve(configuration, request.Dataset, request.Table, request.Environment);
        var runKey = request.RunKey is null ? RunKey.Generate(clock) : RunKey.Validate(request.RunKey);
        var rawRoot = request.Input ?? environment.RawRoot;

        var lake = LakeResolver.Open(environment);
        var engine = new DuckDbEngine(environment.DuckDb, new DuckDbTables(lake.EngineDirectory, lake.Store, clock));
        WarnAboutUnreadRawFiles(engine, dataset, rawRoot, cancellationToken);

        var run = new RunContext(runKey, clock.GetUtcNow());
        var ledger = new RunLedger(lake.Store);
        var outcomes = new List<TableRunOutcome>();
        foreach (var table in tables)
        {
            outcomes.Add(await RunTableAsync(engine, ledger, dataset, table, environment, run, request, rawRoot, cancellationToken));
        }

        return outcomes;
    }

    private async Task<TableRunOutcome> RunTableAsync(
        DuckDbEngine engine, RunLedger ledger, DatasetSpec dataset, TableSpec table, EnvironmentSpec environment,
        RunContext run, RunRequest request, string rawRoot, CancellationToken cancellationToken)
    {
        var layer = request.Layer;
        var layout = new LakeLayout(dataset.Name, table.Name, table.SchemaVersion);
        var plan = PlanCompiler.Compile(dataset, table);
        var files = engine.ResolveInputs(table, rawRoot, cancellationToken);
        if (files.Count == 0)
        {
            reporter.Warning($"{dataset.Name}.{table.Name}: no raw files match '{table.Source.Path}' under {rawRoot}.");
        }

        var layers = layer == RunLayer.All ? new[] { "bronze", "silver" } : [layer.ToString().ToLowerInvariant()];
        var entry = new RunLedgerEntry(
            run.RunKey, dataset.Name, table.Name, layers, run.Engine, environment.Name, table.SchemaVersion,
            RunLedgerEntry.Running, [new RunStatusChange(RunLedgerEntry.Running, clock.GetUtcNow())],
            files.Select(f => new RunInputFile(Path.GetRelativePath(Path.GetFullPath(rawRoot), f).Replace('\\', '/'), new FileInfo(f).Length)).ToList(),
            Bronze: null, Silver: null, Error: null) { ExecutionArn = request.ExecutionArn };
        await ledger.ClearSucceededAsync(layout, run.RunKey, cancellationToken);
        await ledger.WriteAsync(layout, entry, cancellationToken);

        try
        {
            if (layer is RunLayer.Bronze or RunLayer.All)
            {
                reporter.Progress($"{dataset.Name}.{table.Name}: bronze ← {files.Count} raw file(s)");
                entry = entry with { Bronze = await engine.RunBronzeAsync(plan, run, files, rawRoot, cancellationToken) };
                await ledger.WriteAsync(layout, entry, cancellationToken);
            }

            if (layer is RunLayer.Silver or RunLayer.All)
            {
                reporter.Progress($"{dataset.Name}.{table.Name}: silver ← bronze rows of run {run.RunKey}");
                entry = entry with { Silver = await engine.RunSilverAsync(plan, run, cancellationToken) };
            }

            entry = entry.WithStatus(RunLedgerEntry.Succeeded, clock.GetUtcNow());
            await ledger.WriteAsync(layout, entry, cancellationToken);
            if (entry.Silver is not null)
            {
                Faults.FaultInjection.At(Faults.FaultInjection.RunBeforeSuccess);
                await ledger.MarkSucceededAsync(layout, run.RunKey, cancellationToken);
            }

            return new TableRunOutcome(table.Name, run.RunKey, entry.Bronze, entry.Silver, Error: null, entry.InputFiles.Select(f => f.Path).ToList());
        }
        catch (MedallionException error)
        {
            entry = entry.WithStatus(RunLedgerEntry.Failed, clock.GetUtcNow()) with { Error = error.Message };
            await ledger.WriteAsync(layout, entry, CancellationToken.None);
            return new TableRunOutcome(table.Name, run.RunKey, entry.Bronze, entry.Silver, error.Message, entry.InputFiles.Select(f => f.Path).ToList());
        }
    }

    private void WarnAboutUnreadRawFiles(DuckDbEngine engine, DatasetSpec dataset, string rawRoot, CancellationToken cancellationToken)
    {
        var read = dataset.Tables.SelectMany(t => engine.ResolveInputs(t, rawRoot, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        // Files whose names start with '_' or '.' are not data (the Hadoop convention: _SUCCESS, .crc, _expected.json).
        var unread = engine.ListDatasetFiles(dataset.Name, rawRoot, cancellationToken)
            .Where(f => !read.Contains(f) && !Path.GetFileName(f).StartsWith('_') && !Path.GetFileName(f).StartsWith('.'));
        foreach (var file in unread)
        {
            reporter.Warning($"{dataset.Name}: skipping raw file {Path.GetRelativePath(Path.GetFullPath(rawRoot), file)}: no configured table reads it.");
        }
    }
}
