using Medallion.Delta.Storage;
using Medallion.Jobs.Config;
using Medallion.Jobs.Engine;
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
    /// <summary>One setup per table the arguments select (every table of the dataset without <c>--table</c>).</summary>
    /// <exception cref="MedallionException">A lake or raw root cannot be opened.</exception>
    public static IReadOnlyList<JobSetup> Load(PipelineSelection selection, SparkJobArguments arguments, TimeProvider clock) =>
        [.. selection.Tables.Select(table => Load(selection, table, arguments, clock))];

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
