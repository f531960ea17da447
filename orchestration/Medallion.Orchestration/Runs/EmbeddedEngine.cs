using Medallion.Delta.Storage;
using Medallion.Jobs.Config;
using Medallion.Jobs.Engine;
using Medallion.Jobs.Engine.DuckDb;
using Medallion.Jobs.Engine.Ingestion;
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

    public async Task PrepareAsync(EngineRun run, IReadOnlyList<TableSpec> tables, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(tables);
        var workspace = await OpenAsync(run, cancellationToken);
        if (run.RequireInput && tables.All(t => workspace.Matched[t.Name].Count == 0))
        {
            var root = context.Input ?? context.Environment.RawRoot;
            var globs = string.Join(", ", tables.Select(t => $"{t.Name}: {t.Source.Path}"));
            throw new RunFailedException(
                $"No raw file matches any table of {run.Dataset.Name} under {LakeResolver.Location(root)} ({globs}); nothing was run. " +
                $"Source paths are relative to the raw root (raw_root, or --input), e.g. {LakeResolver.Location(root)}/{tables[0].Source.Path}. " +
                "Pass --allow-empty to run with no input anyway.");
        }
    }

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
            var layout = new LakeLayout(run.Dataset.Name, table.Name, table.SchemaVersion);
            var selection = await new RawSelection(workspace.Staging.Lake, workspace.Ledger).ChooseAsync(run, table, layout, workspace.Matched[table.Name], cancellationToken);
            workspace.Inputs[table.Name] = selection.Files;
            RunLedgerEntry entry;
            if (selection.Ingestion.NothingNew)
            {
                entry = await NothingNewAsync(workspace, layout, run, table, selection, cancellationToken);
                _reporter.Progress($"{run.Dataset.Name}.{table.Name}: {selection.Ingestion.Describe()}; bronze and silver are left as they are.");
            }
            else
            {
                var inputs = selection.Files;
                entry = await lifecycle.RunAsync(await StartAsync(workspace, lifecycle, run, table, selection.Ingestion, cancellationToken), [async token =>
                {
                    var name = $"{run.Dataset.Name}.{table.Name}";
                    _reporter.Report(new RunProgress(name, LayerNames.Bronze, inputs.Count, FilesStaged: 0));
                    var files = await workspace.Staging.Raw.StageAsync(
                        inputs, staged => _reporter.Report(new RunProgress(name, LayerNames.Bronze, inputs.Count, staged)), token);
                    var result = await workspace.Engine.RunBronzeAsync(
                        plan, Context(run), files, workspace.Staging.Raw.LocalRoot, [.. inputs.Select(RawObject.Of)], selection.Bronze, token);
                    _reporter.Report(new RunProgress(name, LayerNames.Bronze, inputs.Count, inputs.Count, result.RowsRead, Done: true));
                    return new LayerOutcome(result);
                }], cancellationToken);
            }

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
            var entry = _entries.GetValueOrDefault(table.Name) ?? await StartAsync(workspace, lifecycle, run, table, ingestion: null, cancellationToken);
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

    /// <summary>A table's entry starting now, with the input files it will read (none known for a silver-only run).</summary>
    private async Task<RunLedgerEntry> StartAsync(
        Workspace workspace, RunLifecycle lifecycle, EngineRun run, TableSpec table, RunIngestion? ingestion, CancellationToken cancellationToken)
    {
        var inputs = workspace.Inputs.GetValueOrDefault(table.Name) ?? [];
        if (workspace.Matched[table.Name].Count == 0)
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
                [.. inputs.Select(RawSelection.InputFile)], _clock.GetUtcNow()) with { ExecutionArn = run.ExecutionArn, Ingestion = ingestion },
            resume: false, cancellationToken);
    }

    /// <summary>The entry of a table with nothing to read: final at once, and nothing else is written.</summary>
    private Task<RunLedgerEntry> NothingNewAsync(
        Workspace workspace, LakeLayout layout, EngineRun run, TableSpec table, RawSelection.Choice selection, CancellationToken cancellationToken) =>
        new RunLifecycle(workspace.Ledger, layout, _clock).EndNothingNewAsync(
            RunLedgerEntry.Starting(
                run.RunKey, run.Dataset.Name, table.Name, run.Layers, EngineName, run.Environment.Name, table.SchemaVersion, [], _clock.GetUtcNow())
            with { ExecutionArn = run.ExecutionArn },
            selection.Ingestion,
            cancellationToken);

    /// <summary>The stores and engine of this run, and every table's matching raw objects, listed once by <see cref="PrepareAsync"/>.</summary>
    private async Task<Workspace> OpenAsync(EngineRun run, CancellationToken cancellationToken)
    {
        if (_workspace is not null)
        {
            return _workspace;
        }

        var dataset = run.Dataset;
        var environment = context.Environment;
        var staging = RunStaging.Open(environment, context.Input ?? environment.RawRoot);
        try
        {
            var matched = new Dictionary<string, IReadOnlyList<ObjectInfo>>(StringComparer.Ordinal);
            foreach (var table in dataset.Tables)
            {
                matched[table.Name] = await staging.Raw.ResolveAsync(table, cancellationToken);
            }

            await WarnAboutUnreadRawFilesAsync(staging.Raw, dataset, matched, cancellationToken);
            var engine = new DuckDbEngine(environment.DuckDb, new DuckDbTables(staging.LakeDirectory, staging.Lake, _clock));
            return _workspace = new Workspace(staging, engine, new RunLedger(staging.Lake), matched, new Dictionary<string, IReadOnlyList<ObjectInfo>>(StringComparer.Ordinal));
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

    /// <param name="Matched">Every raw object each table's glob matches.</param>
    /// <param name="Inputs">The objects each table's bronze reads, once chosen (<see cref="RawSelection"/>).</param>
    private sealed record Workspace(
        RunStaging Staging, DuckDbEngine Engine, RunLedger Ledger,
        IReadOnlyDictionary<string, IReadOnlyList<ObjectInfo>> Matched, Dictionary<string, IReadOnlyList<ObjectInfo>> Inputs);
}
