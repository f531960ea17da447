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
    public static JobSetup Load(SparkJobArguments arguments, TimeProvider clock)
    {
        var configuration = ConfigLoader.Load(arguments.Conf);
        var selection = PipelineSelection.Resolve(configuration, arguments.Dataset, arguments.Table, arguments.Environment);
        var plan = PlanCompiler.Compile(selection.Dataset, selection.Tables[0]);
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

    /// <summary>The object store over a root: local folders now; S3 through the object store of the Delta library.</summary>
    private static IObjectStore Store(string root, EnvironmentSpec environment) => root.StartsWith("s3://", StringComparison.OrdinalIgnoreCase)
        ? throw new MedallionException(
            $"{environment.Location}: environment `{environment.Name}` has an S3 root ({root}); this job host needs Medallion.Delta's S3 object store for it.")
        : new LocalObjectStore(root);
}
