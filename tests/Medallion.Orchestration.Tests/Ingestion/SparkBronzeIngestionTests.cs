using DuckDB.NET.Data;
using Medallion.Delta.Storage;
using Medallion.Jobs;
using Medallion.Jobs.Config;
using Medallion.Jobs.Engine;
using Medallion.Jobs.Engine.Ingestion;
using Medallion.Jobs.Engine.Spark;
using Medallion.Jobs.Lake;
using Medallion.Jobs.Plan;
using Medallion.Orchestration.Gate;
using Medallion.Orchestration.Ledger;
using Medallion.Orchestration.Runs;
using Medallion.Testing;
using Medallion.Testing.Moto;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Orchestration.Tests.Ingestion;

/// <summary>
/// Issue 13 on the Spark engine, without Spark: the job host's bronze step chooses its raw objects through
/// <see cref="BronzeJobStart"/> (the embedded engine's rules) and its driver commits the Parquet files Spark
/// staged through <see cref="SparkBronzeCommit"/> (the embedded engine's commit). Spark's output is stood in
/// by Parquet files DuckDB writes in the layout Spark's writer gives (<c>_ingest_date=…/part.parquet</c> below
/// the staging folder, partition column in the path, INT64 timestamps, a <c>_SUCCESS</c> marker and a checksum).
/// Every test runs on a local lake and on an S3 lake with an S3 raw root (moto).
/// </summary>
public abstract class SparkBronzeIngestionTests(TestLake lake) : IDisposable
{
    private const string Bronze = "bronze/sales/orders/schema_v=1";
    private readonly TestLake _lake = lake;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        _lake.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task SparkBronze_SecondRunWithNothingLanded_EndsNothingNewAndBronzeRecordsEachObject()
    {
        SalesDataset.WriteTo(_lake, promotion: "append", ingestion: "incremental");
        Land("day1", "a,1.00,2024-01-05", "b,2.00,2024-01-05");
        Land("day2", "c,3.00,2024-01-06");
        var first = await RunAsync("k1");
        var version = _lake.Snapshot(Bronze).Version;

        var second = await RunAsync("k2");

        Assert.Equal(["sales/day1.csv", "sales/day2.csv"], first.Entry.InputFiles.Select(f => f.Path));
        Assert.Equal(RunLedgerEntry.Running, first.Entry.Status);
        Assert.True(second.NothingNew);
        Assert.Equal("nothing new since run k1", second.Entry.Ingestion!.Describe());
        Assert.Equal(RunLedgerEntry.NothingNew, (await Ledger.ReadAsync(Layout, "k2"))!.Status);
        Assert.Equal(version, _lake.Snapshot(Bronze).Version);
        // The staged files are committed where Spark wrote them, each tagged like the embedded engine's.
        var file = Assert.Single(_lake.Snapshot(Bronze).Files);
        Assert.StartsWith("spark-k1-", file.Path, StringComparison.Ordinal);
        Assert.Equal("2026-11-23", file.PartitionValues["_ingest_date"]);
        Assert.Equal("k1", file.Tags![LakeLayout.RunKeyTag]);
        Assert.Equal(["sales/day1.csv", "sales/day2.csv"], IngestedObjects.Read(file).Select(o => o.Path));
        // Spark's marker and checksum are gone: no vacuum would ever delete hidden files.
        Assert.DoesNotContain(_lake.List(Bronze + "/"), o => o.Path.EndsWith("_SUCCESS", StringComparison.Ordinal) || o.Path.EndsWith(".crc", StringComparison.Ordinal));
        Assert.Equal(
            [["a", "k1", "sales/day1.csv"], ["b", "k1", "sales/day1.csv"], ["c", "k1", "sales/day2.csv"]],
            _lake.Query(Bronze, "SELECT id, _run_key, _source_file FROM t ORDER BY id"));
    }

    [Fact]
    public async Task SparkBronze_OneNewFileLanded_ReadsExactlyThatFile()
    {
        SalesDataset.WriteTo(_lake, promotion: "append", ingestion: "incremental");
        Land("day1", "a,1.00,2024-01-05");
        await RunAsync("k1");
        Land("day2", "b,2.00,2024-01-06", "c,3.00,2024-01-06");

        var second = await RunAsync("k2");

        Assert.Equal(["sales/day2.csv"], second.Files.Select(f => f.Path));
        Assert.Equal(RunIngestion.Incremental, second.Entry.Ingestion!.Mode);
        Assert.Equal(
            [["k1", "sales/day1.csv", "1"], ["k2", "sales/day2.csv", "2"]],
            _lake.Query(Bronze, "SELECT _run_key, _source_file, count(*) FROM t GROUP BY ALL ORDER BY 1"));
    }

    [Fact]
    public async Task SparkBronze_ChangedObject_IsReadAgainAndItsEarlierRowsReplacedInTheSameCommit()
    {
        SalesDataset.WriteTo(_lake, promotion: "append", ingestion: "incremental");
        Land("day1", "a,1.00,2024-01-05");
        Land("day2", "b,2.00,2024-01-06");
        await RunAsync("k1");
        var before = _lake.Snapshot(Bronze).Version;
        Land("day1", "a,1.50,2024-01-05", "d,4.00,2024-01-05");

        var second = await RunAsync("k2");

        Assert.Equal(["sales/day1.csv"], second.Files.Select(f => f.Path));
        Assert.Equal(before + 1, _lake.Snapshot(Bronze).Version);
        // day1's first rows are gone; day2's, which Spark wrote into the same file, are kept under their run.
        Assert.Equal(
            [["a", "1.50", "k2"], ["b", "2.00", "k1"], ["d", "4.00", "k2"]],
            _lake.Query(Bronze, "SELECT id, amount, _run_key FROM t ORDER BY id"));
        Assert.True((await RunAsync("k3")).NothingNew);
    }

    [Fact]
    public async Task SparkBronze_RetryOfAKey_ReadsWhatItsFirstAttemptRecordedAndReplacesItsRows()
    {
        SalesDataset.WriteTo(_lake, promotion: "append", ingestion: "incremental");
        Land("day1", "a,1.00,2024-01-05");
        await RunAsync("k1");
        Land("day2", "b,2.00,2024-01-06");

        var retry = await RunAsync("k1");
        var next = await RunAsync("k2");

        Assert.Equal(["sales/day1.csv"], retry.Files.Select(f => f.Path));
        Assert.Equal(["sales/day2.csv"], next.Files.Select(f => f.Path));
        Assert.Equal([["a", "k1"], ["b", "k2"]], _lake.Query(Bronze, "SELECT id, _run_key FROM t ORDER BY id"));
    }

    [Fact]
    public async Task SparkBronze_ObjectOrFullIngestion_ReadTheirObjectsWithoutDoublingBronze()
    {
        SalesDataset.WriteTo(_lake, promotion: "append", ingestion: "incremental");
        Land("day1", "a,1.00,2024-01-05");
        Land("day2", "b,2.00,2024-01-06");
        await RunAsync("k1");

        var landed = await RunAsync("k2", files: ["sales/day2.csv"]);
        SalesDataset.WriteTo(_lake, promotion: "replace_partitions", ingestion: "full");
        var full = await RunAsync("k3");

        Assert.Equal(RunIngestion.Files, landed.Entry.Ingestion!.Mode);
        Assert.Equal(["sales/day2.csv"], landed.Files.Select(f => f.Path));
        Assert.Equal(RunIngestion.Full, full.Entry.Ingestion!.Mode);
        Assert.Equal(["sales/day1.csv", "sales/day2.csv"], full.Files.Select(f => f.Path));
        Assert.Equal([["a", "k3"], ["b", "k3"]], _lake.Query(Bronze, "SELECT id, _run_key FROM t ORDER BY id"));
    }

    [Fact]
    public async Task EmbeddedRun_AfterASparkBronze_FindsNothingNew()
    {
        SalesDataset.WriteTo(_lake, promotion: "append", ingestion: "incremental");
        Land("day1", "a,1.00,2024-01-05");
        await RunAsync("k1");

        var embedded = Assert.Single(await new PipelineRunner(ConfigLoader.Load(_lake.ConfDirectory), _clock, new RecordingReporter())
            .RunAsync(new RunRequest("sales", RunKey: "k2")));

        Assert.True(embedded.NothingNew, embedded.Error);
        Assert.Equal("nothing new since run k1", embedded.Ingestion!.Describe());
    }

    [Fact]
    public async Task PromoteStep_OfANothingNewRun_SkipsTheTableWithoutFailing()
    {
        SalesDataset.WriteTo(_lake, promotion: "append", ingestion: "incremental");
        Land("day1", "a,1.00,2024-01-05");
        await RunAsync("k1");
        Assert.True((await RunAsync("k2")).NothingNew);
        var output = new StringWriter();

        var passed = await RunGate.ValidateAndPromoteAsync(Selection(), "k2", output, _clock);

        Assert.True(passed, output.ToString());
        Assert.Contains("sales.orders: run k2: nothing new since run k1; nothing to validate or promote.", output.ToString(), StringComparison.Ordinal);
        Assert.False(_lake.Exists(Layout.SilverRun("k2") + "/_validation.json"));
        Assert.Equal(RunLedgerEntry.NothingNew, (await Ledger.ReadAsync(Layout, "k2"))!.Status);
    }

    [Fact]
    public async Task SparkBronzeCommit_StagedFileOutsideAnIngestDatePartition_CommitsNothing()
    {
        SalesDataset.WriteTo(_lake, promotion: "append", ingestion: "incremental");
        Land("day1", "a,1.00,2024-01-05");
        await RunAsync("k1");
        Land("day2", "b,2.00,2024-01-06");
        var version = _lake.Snapshot(Bronze).Version;
        var staging = SparkBronzeCommit.NewStagingFolder("k2");
        var plan = Plan();
        _lake.WriteText($"{Bronze}/{staging}/part-00000.parquet", "not in a partition");

        var error = await Assert.ThrowsAsync<MedallionException>(() => SparkBronzeCommit.CommitAsync(
            Selection().Environment.DuckDb, LakeStore(), plan, new RunContext("k2", _clock.GetUtcNow(), "spark"), staging, [], rowsRead: 1, _clock));

        Assert.Contains("is not in a bronze partition (_ingest_date=…); nothing was committed", error.Message, StringComparison.Ordinal);
        Assert.Equal(version, _lake.Snapshot(Bronze).Version);
    }

    private static LakeLayout Layout => new("sales", "orders", "v1");

    private RunLedger Ledger => new(_lake.Store);

    private void Land(string name, params string[] rows)
    {
        // A rewritten object must look changed on a local raw root too, whose version is the modification time.
        _clock.Advance(TimeSpan.FromSeconds(1));
        var path = SalesDataset.Land(_lake, name, rows);
        File.SetLastWriteTimeUtc(path, _clock.GetUtcNow().UtcDateTime);
    }

    private PipelineSelection Selection() => PipelineSelection.Resolve(ConfigLoader.Load(_lake.ConfDirectory), "sales", null, null);

    private TablePlan Plan()
    {
        var selection = Selection();
        return PlanCompiler.Compile(selection.Dataset, selection.Tables[0]);
    }

    private IObjectStore LakeStore() => LakeResolver.OpenStore(Selection().Environment.LakeRoot, Selection().Environment);

    /// <summary>
    /// The job host's bronze step (Program.RunStepAsync and BronzeJob) with Spark's part played by DuckDB: choose and
    /// record the objects, stage their rows as Spark would, commit them from the driver.
    /// </summary>
    private async Task<BronzeJobStart.Started> RunAsync(string runKey, IReadOnlyList<string>? files = null)
    {
        _clock.Advance(TimeSpan.FromMinutes(1));
        var selection = Selection();
        var environment = selection.Environment;
        var plan = Plan();
        var run = new RunContext(runKey, _clock.GetUtcNow(), "spark");
        var lake = LakeStore();
        var raw = LakeResolver.OpenStore(environment.RawRoot, environment);
        var lifecycle = new RunLifecycle(new RunLedger(lake), Layout, _clock);
        var fresh = RunLedgerEntry.Starting(runKey, "sales", "orders", [LayerNames.Bronze, LayerNames.Silver], "spark", environment.Name, "v1", [], _clock.GetUtcNow());
        var engineRun = new EngineRun(selection.Dataset, "orders", environment, runKey, fresh.Layers, run.StartedAt) { Files = files };

        var started = await new BronzeJobStart(lake, raw, lifecycle).StartAsync(engineRun, selection.Tables[0], fresh);
        if (started.NothingNew)
        {
            return started;
        }

        var entry = await lifecycle.RunAsync(started.Entry, [async _ =>
        {
            var staging = SparkBronzeCommit.NewStagingFolder(runKey);
            var rows = StageLikeSpark(started.Files, run, $"{Bronze}/{staging}");
            var (version, added) = await SparkBronzeCommit.CommitAsync(environment.DuckDb, lake, plan, run, staging, [.. started.Files.Select(RawObject.Of)], rows, _clock);
            return new LayerOutcome(new LayerResult(LayerNames.Bronze, Bronze, rows, rows, 0, 0, 0, 0, new Dictionary<string, long>(), version, added, TimeSpan.Zero));
        }]);
        Assert.True(entry.Error is null, entry.Error);
        Assert.Equal(RunLedgerEntry.Running, entry.Status);
        return started with { Entry = entry };
    }

    /// <summary>
    /// What Spark's <c>partitionBy("_ingest_date").parquet(staging)</c> leaves: one file per partition holding the
    /// rows of every object read (so a changed object's file also holds other objects' rows), the partition
    /// column only in the path, timestamps as INT64 micros, a <c>_SUCCESS</c> marker and a hidden checksum.
    /// </summary>
    /// <returns>The rows written.</returns>
    private long StageLikeSpark(IReadOnlyList<ObjectInfo> files, RunContext run, string stagingPath)
    {
        var local = Path.Combine(_lake.Root, "spark-output", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(local);
        var reads = string.Join(" UNION ALL ", files.Select(f =>
            $"SELECT id, amount, CAST(day AS DATE) AS day, '{f.Path}' AS _source_file FROM read_csv('{Path.Combine(_lake.RawRoot, f.Path)}', all_varchar = true)"));
        using (var connection = new DuckDBConnection("DataSource=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText =
                $"COPY (SELECT id, amount, day, NULL::VARCHAR AS _malformed, to_json({{'id': id, 'amount': amount}}) AS _raw, '{run.RunKey}' AS _run_key, _source_file, " +
                $"TIMESTAMPTZ '{run.StartedAt:yyyy-MM-dd HH:mm:ss}+00' AS _ingested_at, row_number() OVER (ORDER BY _source_file, id) AS _record_number, " +
                $"DATE '{run.IngestDate:yyyy-MM-dd}' AS _ingest_date FROM ({reads})) " +
                $"TO '{local}' (FORMAT parquet, PARTITION_BY (_ingest_date), FILENAME_PATTERN 'part-{{uuid}}')";
            command.ExecuteNonQuery();
        }

        foreach (var file in Directory.EnumerateFiles(local, "*.parquet", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(local, file).Replace('\\', '/');
            LakeStore().UploadFileAsync(file, $"{stagingPath}/{relative}").GetAwaiter().GetResult();
            _lake.WriteText($"{stagingPath}/{Path.GetDirectoryName(relative)!.Replace('\\', '/')}/.{Path.GetFileName(relative)}.crc", "crc");
        }

        _lake.WriteText($"{stagingPath}/_SUCCESS", "");
        return CountRows(local);
    }

    private static long CountRows(string folder)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM read_parquet('{folder}/**/*.parquet')";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public sealed class Local() : SparkBronzeIngestionTests(new TestLake());

    [Collection(MotoCollection.Name)]
    public sealed class OnS3(MotoServer moto) : SparkBronzeIngestionTests(TestLake.OnS3(moto));
}
