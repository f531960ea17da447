using Medallion.Delta.Storage;
using Medallion.Jobs.Config;
using Medallion.Jobs.Engine;
using Medallion.Jobs.Engine.DuckDb;
using Medallion.Jobs.Engine.Spark;
using Medallion.Jobs.Lake;
using Medallion.Jobs.Plan;
using Medallion.Orchestration.Ledger;

namespace Medallion.Orchestration.Runs;

/// <summary>
/// The embedded engine as the orchestrator runs it: DuckDB in this process. The layers run here,
/// so this is where each table's ledger is kept (<see cref="RunLifecycle"/>): bronze starts it, silver
/// continues the same entry, <c>_SUCCESS</c> comes last. Local and S3 roots take the same path: the
/// stores and the folder DuckDB works in are a <see cref="RunStaging"/>, opened by the first layer and
/// deleted on dispose.
/// </summary>
internal sealed class EmbeddedEngine(RunEngineContext context) : IRunEngine
{
    public const string EngineName = "duckdb";

    /// <summary>The entry of each table this engine has started: silver continues what bronze left.</summary>
    private readonly Dictionary<string, RunLedgerEntry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock = context.Clock;
    private readonly IRunReporter _reporter = context.Reporter;
    private Workspace? _workspace;

    public string Name => EngineName;

    public async Task<IReadOnlyList<TableRunOutcome>> RunBronzeAsync(EngineRun run, IReadOnlyList<TableSpec> tables, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(tables);
        var workspace = await OpenAsync(run, cancellationToken);
        var outcomes = new List<TableRunOutcome>();
        foreach (var table in tables)
        {
            var plan = PlanCompiler.Compile(run.Dataset, table);
            var lifecycle = Lifecycle(workspace, plan);
            var inputs = workspace.Inputs[table.Name];
            var entry = await lifecycle.RunAsync(await StartAsync(workspace, lifecycle, run, table, cancellationToken), [async token =>
            {
                var name = $"{run.Dataset.Name}.{table.Name}";
                _reporter.Report(new RunProgress(name, LayerNames.Bronze, inputs.Count, FilesStaged: 0));
                var files = await workspace.Staging.Raw.StageAsync(
                    inputs, staged => _reporter.Report(new RunProgress(name, LayerNames.Bronze, inputs.Count, staged)), token);
                var result = await workspace.Engine.RunBronzeAsync(plan, Context(run), files, workspace.Staging.Raw.LocalRoot, token);
                _reporter.Report(new RunProgress(name, LayerNames.Bronze, inputs.Count, inputs.Count, result.RowsRead, Done: true));
                return new LayerOutcome(result);
            }], cancellationToken);
            _entries[table.Name] = entry;
            outcomes.Add(TableRunOutcome.From(entry));
        }

        return outcomes;
    }

    public async Task<IReadOnlyList<TableRunOutcome>> RunSilverAsync(EngineRun run, IReadOnlyList<TableSpec> tables, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(tables);
        var workspace = await OpenAsync(run, cancellationToken);
        var outcomes = new List<TableRunOutcome>();
        foreach (var table in tables)
        {
            var plan = PlanCompiler.Compile(run.Dataset, table);
            var lifecycle = Lifecycle(workspace, plan);
            var entry = _entries.GetValueOrDefault(table.Name) ?? await StartAsync(workspace, lifecycle, run, table, cancellationToken);
            if (entry.Status != RunLedgerEntry.Failed)
            {
                entry = await lifecycle.RunAsync(entry, [async token =>
                {
                    var name = $"{run.Dataset.Name}.{table.Name}";
                    _reporter.Report(new RunProgress(name, LayerNames.Silver));
                    CrashPoints.Reach(CrashPoints.RunSilver);
                    var result = await workspace.Engine.RunSilverAsync(plan, Context(run), token);
                    _reporter.Report(new RunProgress(name, LayerNames.Silver, RowsRead: result.RowsRead, Done: true));
                    return new LayerOutcome(result);
                }], cancellationToken);
                _entries[table.Name] = entry;
            }

            outcomes.Add(TableRunOutcome.From(entry));
        }

        return outcomes;
    }

    public EngineScript DescribePlan(DatasetSpec dataset, TableSpec table)
    {
        var plan = PlanCompiler.Compile(dataset, table);
        var environment = context.Environment;
        var raw = LakeResolver.Location(context.Input ?? environment.RawRoot);
        var lake = LakeResolver.Location(environment.LakeRoot);
        return new EngineScript(DuckDbEngine.DescribeBronze(plan, raw, lake), DuckDbEngine.DescribeSilver(plan, lake));
    }

    public void Dispose() => _workspace?.Staging.Dispose();

    private static RunContext Context(EngineRun run) => new(run.RunKey, run.StartedAt, EngineName);

    private RunLifecycle Lifecycle(Workspace workspace, TablePlan plan) =>
        new(workspace.Ledger, new LakeLayout(plan.Dataset.Name, plan.Table.Name, plan.Table.SchemaVersion), _clock);

    /// <summary>A table's entry starting now, with the input files it will read.</summary>
    private async Task<RunLedgerEntry> StartAsync(Workspace workspace, RunLifecycle lifecycle, EngineRun run, TableSpec table, CancellationToken cancellationToken)
    {
        var inputs = workspace.Inputs[table.Name];
        if (inputs.Count == 0)
        {
            _reporter.Warning($"{run.Dataset.Name}.{table.Name}: no raw files match '{table.Source.Path}' under {workspace.Staging.Raw.Describe("")}.");
        }

        // An empty file holds no records; the reader skips it rather than failing the table on it.
        foreach (var empty in inputs.Where(f => f.Size == 0))
        {
            _reporter.Warning($"{run.Dataset.Name}.{table.Name}: raw file {empty.Path} is empty (0 bytes): it holds no records.");
        }

        return await lifecycle.StartAsync(
            RunLedgerEntry.Starting(
                run.RunKey, run.Dataset.Name, table.Name, run.Layers, EngineName, run.Environment.Name, table.SchemaVersion,
                [.. inputs.Select(f => new RunInputFile(f.Path, f.Size))], _clock.GetUtcNow()) with { ExecutionArn = run.ExecutionArn },
            resume: false, cancellationToken);
    }

    /// <summary>The stores and engine of this run, and every table's raw inputs, resolved once by the first layer.</summary>
    private async Task<Workspace> OpenAsync(EngineRun run, CancellationToken cancellationToken)
    {
        var dataset = run.Dataset;
        if (_workspace is not null)
        {
            return _workspace;
        }

        var environment = context.Environment;
        var staging = RunStaging.Open(environment, context.Input ?? environment.RawRoot);
        try
        {
            var matched = new Dictionary<string, IReadOnlyList<ObjectInfo>>(StringComparer.Ordinal);
            var inputs = new Dictionary<string, IReadOnlyList<ObjectInfo>>(StringComparer.Ordinal);
            foreach (var table in dataset.Tables)
            {
                var listed = matched[table.Name] = await staging.Raw.ResolveAsync(table, cancellationToken);
                inputs[table.Name] = run.Files is { } files ? RawInputs.Select(listed, files) : listed;
            }

            await WarnAboutUnreadRawFilesAsync(staging.Raw, dataset, matched, cancellationToken);
            var engine = new DuckDbEngine(environment.DuckDb, new DuckDbTables(staging.LakeDirectory, staging.Lake, _clock));
            return _workspace = new Workspace(staging, engine, new RunLedger(staging.Lake), inputs);
        }
        catch
        {
            staging.Dispose();
            throw;
        }
    }

    private async Task WarnAboutUnreadRawFilesAsync(
        RawFiles raw, DatasetSpec dataset, IReadOnlyDictionary<string, IReadOnlyList<ObjectInfo>> inputs, CancellationToken cancellationToken)
    {
        var read = inputs.Values.SelectMany(files => files.Select(f => f.Path)).ToHashSet(StringComparer.Ordinal);
        // Files whose names start with '_' or '.' are not data (the Hadoop convention: _SUCCESS, .crc, _expected.json).
        var unread = (await raw.ListDatasetAsync(dataset.Name, cancellationToken))
            .Select(f => f.Path)
            .Where(f => !read.Contains(f) && RawFileNames.IsData(f));
        foreach (var file in unread)
        {
            _reporter.Warning($"{dataset.Name}: skipping raw file {file}: no configured table reads it.");
        }
    }

    private sealed record Workspace(RunStaging Staging, DuckDbEngine Engine, RunLedger Ledger, IReadOnlyDictionary<string, IReadOnlyList<ObjectInfo>> Inputs);
}
