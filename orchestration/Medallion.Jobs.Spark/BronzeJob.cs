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
        if (setup.Files is { } named)
        {
            files = RawInputs.Select(files, named);
        }
        if (files.Count == 0)
        {
            throw new MedallionException($"{setup.Plan.Table.Source.Location}: no raw files match '{setup.Plan.Table.Source.Path}' under {setup.RawRoot}.");
        }

        var reads = SparkRawRead.For(setup.Plan.Table, files.Select(f => RawInputs.Location(setup.RawRoot, RawFileNames.HadoopLiteral(f.Path))).ToList());
        reads.Select(read => Load(spark, read)).Aggregate((all, next) => all.Union(next)).CreateOrReplaceTempView(SparkBronzeSql.RawView);
        spark.Sql(SparkBronzeSql.CreateRowsView(setup.Plan.Table, setup.Run, setup.RawRoot));
        spark.Sql(SparkBronzeSql.CacheRows());
        long rowsRead, malformed;
        var bronze = setup.LakePath(setup.Layout.Bronze);
        try
        {
            var counts = spark.Sql(SparkBronzeSql.Counts()).Collect().Single();
            (rowsRead, malformed) = (counts.GetAs<long>(0), counts.GetAs<long>(1));
            spark.Table(SparkBronzeSql.RowsView).Write().Format("delta").Mode("overwrite")
                .Option("replaceWhere", SparkSilverSql.RunKeyPredicate(setup.Run.RunKey))
                .Option("mergeSchema", SparkSilverSql.MergeSchema(setup.Plan.Table))
                .PartitionBy([.. LakeSchemas.BronzePartitions])
                .Save(bronze);
        }
        finally
        {
            // A failed table must not leave its rows cached for the next table of the job.
            spark.Sql(SparkBronzeSql.UncacheRows());
        }

        var (version, written) = await SparkDeltaCommit.ReadAsync(setup.Lake, setup.Layout.Bronze);
        var result = new LayerResult(
            LayerNames.Bronze, bronze, rowsRead, rowsRead, Quarantined: 0, DuplicatesRemoved: 0, Filtered: 0, malformed,
            new Dictionary<string, long>(), version, written, clock.Elapsed);
        return new LayerOutcome(result, files.Select(f => new RunInputFile(f.Path, f.Size)).ToList());
    }

    /// <summary>One reader call; reads whose files need reshaping into records go through their query.</summary>
    private static DataFrame Load(SparkSession spark, SparkRawRead read)
    {
        var reader = spark.Read().Format(read.Format).Options(read.Options.ToDictionary());
        var frame = (read.Schema is null ? reader : reader.Schema(read.Schema)).Load([.. read.Paths]);
        if (!read.IsShaped)
        {
            return frame;
        }

        // A JSON document file is one row of text here; its query splits it into one record per element.
        frame.CreateOrReplaceTempView(SparkRawRead.LoadedView);
        return spark.Sql(read.ShapeQuery());
    }
}
