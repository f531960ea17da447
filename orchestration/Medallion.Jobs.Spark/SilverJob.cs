using System.Diagnostics;
using Medallion.Jobs.Engine;
using Medallion.Jobs.Engine.Spark;
using Medallion.Orchestration.Ledger;
using Microsoft.Spark.Sql;

namespace Medallion.Jobs.Spark;

/// <summary>
/// Silver on Spark: the run's bronze rows through the routed query, cached once, counted,
/// the fail rules checked before anything is written, then the staged silver table and the
/// run key's quarantine partition.
/// </summary>
internal static class SilverJob
{
    public static async Task<LayerOutcome> RunAsync(SparkSession spark, JobSetup setup)
    {
        var clock = Stopwatch.StartNew();
        var sql = new SparkSilverSql(setup.Plan);
        var runPath = setup.Layout.SilverRun(setup.Run.RunKey);
        spark.Sql(SparkSilverSql.CreateInputView(setup.LakePath(setup.Layout.Bronze), setup.Run.RunKey));
        spark.Sql(sql.CreateRoutedView());
        spark.Sql(SparkSilverSql.CacheRouted());
        SilverCounts counts;
        try
        {
            var row = spark.Sql(sql.Counts()).Collect().Single();
            counts = SilverCounts.From(setup.Plan, Enumerable.Range(0, row.Size()).Select(row.GetAs<long>).ToList());
            counts.EnsureNoFailedRules(setup.Plan);

            // A re-run replaces the key's staged table: start it afresh, as the embedded engine does.
            await StagedRunFolder.ClearAsync(setup.Lake, runPath);
            spark.Sql(sql.SilverRows()).Write().Format("delta").Mode("errorifexists")
                .PartitionBy([.. setup.Plan.Table.PartitionBy])
                .Save(setup.LakePath(runPath));
            spark.Sql(sql.QuarantineRows()).Write().Format("delta").Mode("overwrite")
                .Option("replaceWhere", SparkSilverSql.RunKeyPredicate(setup.Run.RunKey))
                .Option("mergeSchema", SparkSilverSql.MergeSchema(setup.Plan.Table))
                .PartitionBy([.. LakeSchemas.QuarantinePartitions])
                .Save(setup.LakePath(setup.Layout.Quarantine));
        }
        finally
        {
            // A failed table (a fail rule included) must not leave its rows cached for the next table of the job.
            spark.Sql(SparkSilverSql.UncacheRouted());
        }

        var (silverVersion, silverFiles) = await SparkDeltaCommit.ReadAsync(setup.Lake, runPath);
        var (quarantineVersion, _) = await SparkDeltaCommit.ReadAsync(setup.Lake, setup.Layout.Quarantine);
        return new LayerOutcome(new LayerResult(
            LayerNames.Silver, setup.LakePath(runPath), counts.Read, counts.Silver, counts.Quarantined, counts.Duplicates, counts.Filtered,
            counts.Malformed, counts.RuleFailures, silverVersion, silverFiles, clock.Elapsed,
            quarantineVersion, setup.LakePath(setup.Layout.Quarantine)));
    }
}
