using Medallion.Delta.Storage;
using Medallion.Jobs.Config;
using Medallion.Jobs.Engine;
using Medallion.Jobs.Engine.DuckDb;
using Medallion.Jobs.Lake;
using Medallion.Jobs.Plan;
using Medallion.Orchestration.Ledger;

namespace Medallion.Orchestration.Runs;

/// <summary>
/// Runs a dataset's tables through bronze and silver on the embedded engine, keeping each run's
/// ledger (<c>_run.json</c>, then <c>_SUCCESS</c> last) beside its staged silver table. Local and
/// S3 roots take the same path: see <see cref="RunStaging"/> for where the engine's files go.
/// </summary>
public sealed class PipelineRunner(MedallionConfiguration configuration, TimeProvider clock, IRunReporter reporter)
{
    /// <summary>Runs every selected table; a failing table does not stop the others.</summary>
    /// <exception cref="ArgumentException">An unknown dataset, table or environment, or a bad run key (usage errors).</exception>
    /// <exception cref="MedallionException">A root cannot be opened or listed.</exception>
    public async Task<IReadOnlyList<TableRunOutcome>> RunAsync(RunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (dataset, tables, environment) = PipelineSelection.Resolve(configuration, request.Dataset, request.Table, request.Environment);
        var runKey = request.RunKey is null ? RunKey.Generate(clock) : RunKey.Validate(request.RunKey);

        using var staging = RunStaging.Open(environment, request.Input ?? environment.RawRoot);
        var engine = new DuckDbEngine(environment.DuckDb, new DuckDbTables(staging.LakeDirectory, staging.Lake, clock));
        var inputs = new Dictionary<string, IReadOnlyList<ObjectInfo>>(StringComparer.Ordinal);
        foreach (var table in dataset.Tables)
        {
            inputs[table.Name] = await staging.Raw.ResolveAsync(table, cancellationToken);
        }

        await WarnAboutUnreadRawFilesAsync(staging.Raw, dataset, inputs, cancellationToken);

        var run = new RunContext(runKey, clock.GetUtcNow());
        var ledger = new RunLedger(staging.Lake);
        var outcomes = new List<TableRunOutcome>();
        foreach (var table in tables)
        {
            outcomes.Add(await RunTableAsync(engine, ledger, staging.Raw, dataset, table, environment, run, request, inputs[table.Name], cancellationToken));
        }

        return outcomes;
    }

    private async Task<TableRunOutcome> RunTableAsync(
        DuckDbEngine engine, RunLedger ledger, RawFiles raw, DatasetSpec dataset, TableSpec table, EnvironmentSpec environment,
        RunContext run, RunRequest request, IReadOnlyList<ObjectInfo> inputs, CancellationToken cancellationToken)
    {
        var layer = request.Layer;
        var layout = new LakeLayout(dataset.Name, table.Name, table.SchemaVersion);
        var plan = PlanCompiler.Compile(dataset, table);
        if (inputs.Count == 0)
        {
            reporter.Warning($"{dataset.Name}.{table.Name}: no raw files match '{table.Source.Path}' under {raw.Describe("")}.");
        }

        var layers = layer == RunLayer.All ? new[] { LayerNames.Bronze, LayerNames.Silver } : [layer.ToString().ToLowerInvariant()];
        var lifecycle = new RunLifecycle(ledger, layout, clock);
        var entry = await lifecycle.StartAsync(
            new RunLedgerEntry(
                run.RunKey, dataset.Name, table.Name, layers, run.Engine, environment.Name, table.SchemaVersion,
                RunLedgerEntry.Running, [new RunStatusChange(RunLedgerEntry.Running, clock.GetUtcNow())],
                inputs.Select(f => new RunInputFile(f.Path, f.Size)).ToList(),
                Bronze: null, Silver: null, Error: null) { ExecutionArn = request.ExecutionArn },
            resume: false, cancellationToken);

        var work = new List<Func<CancellationToken, Task<LayerOutcome>>>();
        if (layer is RunLayer.Bronze or RunLayer.All)
        {
            work.Add(async token =>
            {
                reporter.Progress($"{dataset.Name}.{table.Name}: bronze ← {inputs.Count} raw file(s)");
                var files = await raw.StageAsync(inputs, token);
                return new LayerOutcome(await engine.RunBronzeAsync(plan, run, files, raw.LocalRoot, token));
            });
        }

        if (layer is RunLayer.Silver or RunLayer.All)
        {
            work.Add(async token =>
            {
                reporter.Progress($"{dataset.Name}.{table.Name}: silver ← bronze rows of run {run.RunKey}");
                return new LayerOutcome(await engine.RunSilverAsync(plan, run, token));
            });
        }

        entry = await lifecycle.RunAsync(entry, work, cancellationToken);
        return new TableRunOutcome(table.Name, run.RunKey, entry.Bronze, entry.Silver, entry.Error, entry.InputFiles.Select(f => f.Path).ToList());
    }

    private async Task WarnAboutUnreadRawFilesAsync(
        RawFiles raw, DatasetSpec dataset, IReadOnlyDictionary<string, IReadOnlyList<ObjectInfo>> inputs, CancellationToken cancellationToken)
    {
        var read = inputs.Values.SelectMany(files => files.Select(f => f.Path)).ToHashSet(StringComparer.Ordinal);
        // Files whose names start with '_' or '.' are not data (the Hadoop convention: _SUCCESS, .crc, _expected.json).
        var unread = (await raw.ListDatasetAsync(dataset.Name, cancellationToken))
            .Select(f => f.Path)
            .Where(f => !read.Contains(f) && !Path.GetFileName(f).StartsWith('_') && !Path.GetFileName(f).StartsWith('.'));
        foreach (var file in unread)
        {
            reporter.Warning($"{dataset.Name}: skipping raw file {file}: no configured table reads it.");
        }
    }
}
