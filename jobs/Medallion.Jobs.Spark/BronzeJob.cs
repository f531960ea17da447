using System.Diagnostics;
using Medallion.Jobs.Engine;
using Medallion.Jobs.Engine.Spark;
using Medallion.Jobs.Plan;
using Medallion.Orchestration.Ledger;
using Microsoft.Spark.Sql;

namespace Medallion.Jobs.Spark;

/// <summary>
/// Bronze on Spark: the raw files through the DataFrame reader (explicit all-STRING schema,
/// PERMISSIVE), typed by <see cref="SparkBronzeSql"/>, written to the bronze Delta table
/// replacing only this run key's rows.
/// </summary>
internal static class BronzeJob
{
    public static async Task<LayerOutcome> RunAsync(SparkSession spark, JobSetup setup)
    {
        var clock = Stopwatch.StartNew();
        var files = await RawInputs.ResolveAsync(setup.Raw, setup.Plan.Table);
        if (files.Count == 0)
        {
            throw new MedallionException($"{setup.Plan.Table.Source.Location}: no raw files match '{setup.Plan.Table.Source.Path}' under {setup.RawRoot}.");
        }

        DataFrame? raw = null;
        foreach (var read in SparkRawRead.For(setup.Plan.Table, files.Select(f => RawInputs.Location(setup.RawRoot, f.Path)).ToList()))
        {
            var reader = spark.Read().Format(read.Format).Options(read.Options.ToDictionary());
            var frame = (read.Schema is null ? reader : reader.Schema(read.Schema)).Load(read.Paths.ToArray());
            raw = raw is null ? frame : raw.Union(frame);
        }

        raw!.CreateOrReplaceTempView(SparkBronzeSql.RawView);
        spark.Sql(SparkBronzeSql.CreateRowsView(setup.Plan.Table, setup.Run, setup.RawRoot));
        spark.Sql(SparkBronzeSql.CacheRows());
        var counts = spark.Sql(SparkBronzeSql.Counts()).Collect().Single();
        var (read, malformed) = (counts.GetAs<long>(0), counts.GetAs<long>(1));

        var bronze = setup.LakePath(setup.Layout.Bronze);
        spark.Table(SparkBronzeSql.RowsView).Write().Format("delta").Mode("overwrite")
            .Option("replaceWhere", SparkSilverSql.RunKeyPredicate(setup.Run.RunKey))
            .PartitionBy([.. LakeSchemas.BronzePartitions])
            .Save(bronze);
        spark.Sql(SparkBronzeSql.UncacheRows());

        var (version, written) = await SparkDeltaCommit.ReadAsync(setup.Lake, setup.Layout.Bronze);
        var result = new LayerResult(
            "bronze", bronze, read, read, Quarantined: 0, DuplicatesRemoved: 0, Filtered: 0, malformed,
            new Dictionary<string, long>(), version, written, clock.Elapsed);
        return new LayerOutcome(result, files.Select(f => new RunInputFile(f.Path, f.Size)).ToList());
    }
}
