using Medallion.Jobs.Config;
using Medallion.Jobs.Lake;
using Medallion.Jobs.Plan;

namespace Medallion.Jobs.Engine.Spark;

/// <summary>
/// Every Spark SQL statement the job host runs for a table, in order, from the same builders it
/// calls; the reader schema and the write predicates are shown wrapped in statements of their own
/// so that they too can be printed and checked against the Spark grammar. Public for the EMR
/// Serverless engine (Medallion.Aws), whose plan this is.
/// </summary>
public static class SparkPlanScript
{
    public const string RunKeyPlaceholder = "run-key";

    /// <summary>The bronze statements of <paramref name="table"/> (reading below <paramref name="rawRoot"/>, a URI or an absolute folder).</summary>
    public static IReadOnlyList<string> Bronze(DatasetSpec dataset, TableSpec table, string rawRoot) => Bronze(PlanCompiler.Compile(dataset, table), rawRoot);

    /// <summary>The silver statements of <paramref name="table"/> (in the lake at <paramref name="lakeRoot"/>, a URI or an absolute folder).</summary>
    public static IReadOnlyList<string> Silver(DatasetSpec dataset, TableSpec table, string lakeRoot) => Silver(PlanCompiler.Compile(dataset, table), lakeRoot);

    internal static IReadOnlyList<string> Bronze(TablePlan plan, string rawRoot)
    {
        var run = new RunContext(RunKeyPlaceholder, DateTimeOffset.UnixEpoch, Engine: "spark");
        var reads = SparkRawRead.For(plan.Table, [RawInputs.Location(rawRoot, plan.Table.Source.Path)]);
        return
        [
            .. reads.SelectMany(Load),
            SparkBronzeSql.CreateRowsView(plan.Table, run, rawRoot),
            SparkBronzeSql.CacheRows(),
            SparkBronzeSql.Counts(),
            $"SELECT * FROM {SparkBronzeSql.RowsView} WHERE {SparkSilverSql.RunKeyPredicate(run.RunKey)}",
            SparkBronzeSql.UncacheRows(),
        ];
    }

    internal static IReadOnlyList<string> Silver(TablePlan plan, string lakeRoot)
    {
        var layout = new LakeLayout(plan.Dataset.Name, plan.Table.Name, plan.Table.SchemaVersion);
        var sql = new SparkSilverSql(plan);
        return
        [
            SparkSilverSql.CreateInputView(lakeRoot.TrimEnd('/') + "/" + layout.Bronze, RunKeyPlaceholder),
            sql.CreateRoutedView(),
            SparkSilverSql.CacheRouted(),
            sql.Counts(),
            sql.SilverRows(),
            sql.QuarantineRows(),
            SparkSilverSql.UncacheRouted(),
        ];
    }

    /// <summary>
    /// A reader call as a statement: its schema (Parquet has none to show); a JSON document read
    /// loads whole-file text into <see cref="SparkRawRead.LoadedView"/> and splits it by its query.
    /// </summary>
    private static IEnumerable<string> Load(SparkRawRead read) => read.IsShaped
        ? [$"CREATE TABLE {SparkRawRead.LoadedView} (value STRING) USING {read.Format}", read.ShapeQuery()]
        : read.Schema is null ? [] : [$"CREATE TABLE {RawView(read)} ({read.Schema}) USING {read.Format}"];

    private static string RawView(SparkRawRead read) => $"{SparkBronzeSql.RawView}_{read.Format}";
}
