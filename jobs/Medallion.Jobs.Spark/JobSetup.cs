using Medallion.Delta.Storage;
using Medallion.Jobs.Config;
using Medallion.Jobs.Engine;
using Medallion.Jobs.Engine.Spark;
using Medallion.Jobs.Lake;
using Medallion.Jobs.Plan;
using Medallion.Orchestration.Ledger;
using Medallion.Orchestration.Runs;

namespace Medallion.Jobs.Spark;

/// <summary>What a job needs, built from its arguments before Spark starts: the plan, the lake and the ledger.</summary>
internal sealed record JobSetup(
    TablePlan Plan, EnvironmentSpec Environment, RunContext Run, LakeLayout Layout,
    string LakeRoot, string RawRoot, IObjectStore Lake, IObjectStore Raw, JobLedger Ledger)
{
    /// <summary>One setup per table the arguments select (every table of the dataset without <c>--table</c>).</summary>
    public static IReadOnlyList<JobSetup> Load(PipelineSelection selection, SparkJobArguments arguments, TimeProvider clock) =>
        [.. selection.Tables.Select(table => Load(selection, table, arguments, clock))];

    private static JobSetup Load(PipelineSelection selection, TableSpec table, SparkJobArguments arguments, TimeProvider clock)
    {
        var plan = PlanCompiler.Compile(selection.Dataset, table);
        var layout = new LakeLayout(plan.Dataset.Name, plan.Table.Name, plan.Table.SchemaVersion);
        var run = new RunContext(arguments.RunKey, clock.GetUtcNow(), Engine: "spark");
        var lakeRoot = Root(selection.Environment.LakeRoot);
        var lake = Store(lakeRoot, selection.Environment);
        var ledger = new JobLedger(new RunLedger(lake), layout, run, selection.Environment.Name, plan.Table.SchemaVersion, clock);
        var rawRoot = Root(selection.Environment.RawRoot);
        return new JobSetup(plan, selection.Environment, run, layout, lakeRoot, rawRoot, lake, Store(rawRoot, selection.Environment), ledger);
    }

    /// <summary>A table's location for Spark: the lake root joined with its layout path.</summary>
    public string LakePath(string relative) => LakeRoot.TrimEnd('/') + "/" + relative;

    private static string Root(string root) => root.Contains("://", StringComparison.Ordinal) ? root : Path.GetFullPath(root);

    /// <summary>The object store over a root, opened like the CLI's and the orchestrator's (S3 settings from the environment's <c>aws:</c> block).</summary>
    private static IObjectStore Store(string root, EnvironmentSpec environment) => LakeResolver.OpenStore(root, environment);
}
