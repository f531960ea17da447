using Medallion.Delta.Storage;
using Medallion.Jobs.Config;
using Medallion.Jobs.Engine;
using Medallion.Jobs.Engine.Ingestion;
using Medallion.Jobs.Engine.Spark;
using Medallion.Jobs.Lake;
using Medallion.Jobs.Plan;
using Medallion.Orchestration.Ledger;
using Medallion.Orchestration.Runs;

namespace Medallion.Jobs.Spark;

/// <summary>What a job needs, built from its arguments before Spark starts: the plan, the lake and the run's lifecycle.</summary>
internal sealed record JobSetup(
    TablePlan Plan, EnvironmentSpec Environment, RunContext Run, LakeLayout Layout,
    string LakeRoot, string RawRoot, IObjectStore Lake, IObjectStore Raw, RunLifecycle Lifecycle, TimeProvider Clock)
{
    /// <summary>The raw objects bronze reads, relative to the raw root (<c>--object</c>), or null for what the table's <c>ingestion:</c> chooses.</summary>
    public IReadOnlyList<string>? Files { get; init; }

    /// <summary>
    /// One setup per table the arguments select (every table of the dataset without <c>--table</c>);
    /// with <c>--object</c>, only the tables whose glob matches it, each reading only it.
    /// </summary>
    /// <exception cref="MedallionException">A lake or raw root cannot be opened.</exception>
    /// <exception cref="ArgumentException"><c>--object</c> is not below the raw root, or no selected table reads it.</exception>
    public static IReadOnlyList<JobSetup> Load(PipelineSelection selection, SparkJobArguments arguments, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Object is not { } landed)
        {
            return [.. selection.Tables.Select(table => Load(selection, table, arguments, clock))];
        }

        var path = RawObjectUri.Resolve(selection.Environment.RawRoot, landed, selection.Tables);
        return [.. selection.Tables.Where(t => RawInputs.Matches(t, path)).Select(table => Load(selection, table, arguments, clock) with { Files = [path] })];
    }

    private static JobSetup Load(PipelineSelection selection, TableSpec table, SparkJobArguments arguments, TimeProvider clock)
    {
        var plan = PlanCompiler.Compile(selection.Dataset, table);
        var layout = new LakeLayout(plan.Dataset.Name, plan.Table.Name, plan.Table.SchemaVersion);
        var run = new RunContext(arguments.RunKey, clock.GetUtcNow(), Engine: "spark");
        var lakeRoot = LakeResolver.Location(selection.Environment.LakeRoot);
        var lake = LakeResolver.OpenStore(lakeRoot, selection.Environment);
        var rawRoot = LakeResolver.Location(selection.Environment.RawRoot);
        var raw = LakeResolver.OpenStore(rawRoot, selection.Environment);
        return new JobSetup(plan, selection.Environment, run, layout, lakeRoot, rawRoot, lake, raw, new RunLifecycle(new RunLedger(lake), layout, clock), clock);
    }

    /// <summary>The run as the orchestrator's raw selection sees it (<see cref="BronzeJobStart"/>): its key, start and <c>--object</c>.</summary>
    public EngineRun EngineRun(string? executionArn) =>
        new(Plan.Dataset, Plan.Table.Name, Environment, Run.RunKey, [LayerNames.Bronze, LayerNames.Silver], Run.StartedAt, executionArn) { Files = Files };

    /// <summary>A table's location for Spark: the lake root joined with its layout path.</summary>
    public string LakePath(string relative) => LakeRoot.TrimEnd('/') + "/" + relative;

    /// <summary>
    /// The ledger entry a step starts when there is none to continue. A Spark run is a bronze job
    /// then a silver job, so bronze starts a run of both layers (it stays <c>running</c> until silver
    /// has run); a silver job started alone is a run of silver only.
    /// </summary>
    public RunLedgerEntry NewEntry(string step) => RunLedgerEntry.Starting(
        Run.RunKey, Layout.Dataset, Layout.Table,
        step == SparkJobArguments.Bronze ? [LayerNames.Bronze, LayerNames.Silver] : [LayerNames.Silver],
        Run.Engine, Environment.Name, Plan.Table.SchemaVersion, [], Clock.GetUtcNow());
}
