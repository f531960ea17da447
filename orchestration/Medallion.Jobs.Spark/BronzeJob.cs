using System.Diagnostics;
using Medallion.Delta.Storage;
using Medallion.Jobs.Engine;
using Medallion.Jobs.Engine.Ingestion;
using Medallion.Jobs.Engine.Spark;
using Medallion.Jobs.Plan;
using Medallion.Orchestration.Ledger;
using Microsoft.Spark.Sql;

namespace Medallion.Jobs.Spark;

/// <summary>
/// Bronze on Spark: the raw objects the run chose (<see cref="Medallion.Orchestration.Runs.BronzeJobStart"/>)
/// through the DataFrame reader (explicit all-STRING schema, PERMISSIVE), typed by <see cref="SparkBronzeSql"/>,
/// written as Parquet files into a staging folder of the bronze table, then committed by the driver with
/// Medallion's own Delta writer (<see cref="SparkBronzeCommit"/>): one commit that replaces this run key's rows
/// and the earlier rows of objects read again, and records which objects the rows came from.
/// </summary>
internal static class BronzeJob
{
    public static async Task<LayerOutcome> RunAsync(SparkSession spark, JobSetup setup, IReadOnlyList<ObjectInfo> files)
    {
        var clock = Stopwatch.StartNew();
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
        var staging = SparkBronzeCommit.NewStagingFolder(setup.Run.RunKey);
        try
        {
            var counts = spark.Sql(SparkBronzeSql.Counts()).Collect().Single();
            (rowsRead, malformed) = (counts.GetAs<long>(0), counts.GetAs<long>(1));
            if (rowsRead > 0)
            {
                // Plain Parquet, not Delta: the commit (with the tags Spark's Delta writer cannot set) is the driver's.
                spark.Table(SparkBronzeSql.RowsView).Write().Mode("errorifexists")
                    .PartitionBy([.. LakeSchemas.BronzePartitions])
                    .Parquet($"{bronze}/{staging}");
            }
        }
        finally
        {
            // A failed table must not leave its rows cached for the next table of the job.
            spark.Sql(SparkBronzeSql.UncacheRows());
        }

        var (version, written) = await SparkBronzeCommit.CommitAsync(
            setup.Environment.DuckDb, setup.Lake, setup.Plan, setup.Run, staging, [.. files.Select(RawObject.Of)], rowsRead, setup.Clock);
        var result = new LayerResult(
            LayerNames.Bronze, bronze, rowsRead, rowsRead, Quarantined: 0, DuplicatesRemoved: 0, Filtered: 0, malformed,
            new Dictionary<string, long>(), version, written, clock.Elapsed);
        // The input files are in the entry already (with their versions), from when the objects were chosen.
        return new LayerOutcome(result);
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
