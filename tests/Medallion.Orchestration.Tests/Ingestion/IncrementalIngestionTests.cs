using Medallion.Jobs.Config;
using Medallion.Orchestration.Ledger;
using Medallion.Orchestration.Promotion;
using Medallion.Orchestration.Runs;
using Medallion.Orchestration.Validation;
using Medallion.Testing;
using Medallion.Testing.Moto;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Orchestration.Tests.Ingestion;

/// <summary>
/// Issue 13: a run reads only the raw objects bronze has not ingested (or that changed), bronze holds
/// each object's records once, and incremental runs promoted with <c>append</c> or <c>merge</c> keep every day's rows.
/// Every test runs on a local lake and on an S3 lake with an S3 raw root (moto).
/// </summary>
public abstract class IncrementalIngestionTests(TestLake lake) : IDisposable
{
    private const string Bronze = "bronze/sales/orders/schema_v=1";
    private readonly TestLake _lake = lake;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly RecordingReporter _reporter = new();

    public void Dispose()
    {
        _lake.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task RunAsync_NoNewRawFile_SaysNothingNewAndLeavesBronzeAtItsVersion()
    {
        SalesDataset.WriteTo(_lake, promotion: "append", ingestion: "incremental");
        Land("day1", "a,1.00,2024-01-05", "b,2.00,2024-01-05");
        await RunAsync("k1");
        var version = _lake.Snapshot(Bronze).Version;

        var second = await RunAsync("k2");

        Assert.True(second.Succeeded, second.Error);
        Assert.True(second.NothingNew);
        Assert.Equal("nothing new since run k1", second.Ingestion!.Describe());
        Assert.Null(second.Bronze);
        Assert.Null(second.Silver);
        Assert.Empty(second.InputFiles);
        Assert.Equal(version, _lake.Snapshot(Bronze).Version);
        Assert.Equal(2, _lake.Count(Bronze));
        var entry = await new RunLedger(_lake.Store).ReadAsync(Layout, "k2");
        Assert.Equal(RunLedgerEntry.NothingNew, entry!.Status);
        Assert.False(await _lake.Store.ExistsAsync($"{Layout.SilverRun("k2")}/_delta_log/00000000000000000000.json"));
    }

    [Fact]
    public async Task RunAsync_OneNewFileLanded_IngestsExactlyThatFile()
    {
        SalesDataset.WriteTo(_lake, promotion: "append", ingestion: "incremental");
        Land("day1", "a,1.00,2024-01-05");
        await RunAsync("k1");
        Land("day2", "b,2.00,2024-01-06", "c,3.00,2024-01-06");

        var second = await RunAsync("k2");

        Assert.Equal(["sales/day2.csv"], second.InputFiles);
        Assert.Equal(RunIngestion.Incremental, second.Ingestion!.Mode);
        Assert.Equal(2, second.Bronze!.RowsRead);
        Assert.Equal(
            [["k1", "sales/day1.csv", "1"], ["k2", "sales/day2.csv", "2"]],
            _lake.Query(Bronze, "SELECT _run_key, _source_file, count(*) FROM t GROUP BY ALL ORDER BY 1"));
    }

    /// <summary>Issue 13 item 5: every promotion mode allowed with incremental ingestion keeps day 1's rows of the month day 2 also fills.</summary>
    [Theory]
    [InlineData("append")]
    [InlineData("merge")]
    public async Task RunAndPromote_TwoDaysOfOneMonth_CurrentHoldsBothDays(string promotion)
    {
        SalesDataset.WriteTo(_lake, promotion: promotion, ingestion: "incremental", primaryKey: promotion == "merge");
        Land("day1", "a,1.00,2024-01-05", "b,2.00,2024-01-05");
        await PublishAsync("k1");
        Land("day2", "c,3.00,2024-01-06");

        await PublishAsync("k2");

        Assert.Equal(["a:1.00:k1", "b:2.00:k1", "c:3.00:k2"], SalesDataset.CurrentRows(_lake));
    }

    [Fact]
    public async Task RunAsync_ChangedFile_IsReadAgainAndItsEarlierBronzeRowsReplaced()
    {
        SalesDataset.WriteTo(_lake, promotion: "append", ingestion: "incremental");
        Land("day1", "a,1.00,2024-01-05");
        Land("day2", "b,2.00,2024-01-06");
        await RunAsync("k1");
        Land("day1", "a,1.50,2024-01-05", "d,4.00,2024-01-05");

        var second = await RunAsync("k2");

        Assert.Equal(["sales/day1.csv"], second.InputFiles);
        // day1's first rows are gone, day2's (written in the same file as them) are kept under their run.
        Assert.Equal(
            [["a", "1.50", "k2"], ["b", "2.00", "k1"], ["d", "4.00", "k2"]],
            _lake.Query(Bronze, "SELECT id, amount, _run_key FROM t ORDER BY id"));
        var third = await RunAsync("k3");
        Assert.True(third.NothingNew);
    }

    [Fact]
    public async Task RunAsync_FullIngestion_ReadsEveryFileAndBronzeHoldsEachRecordOnce()
    {
        SalesDataset.WriteTo(_lake, promotion: "replace_partitions", ingestion: "full");
        Land("day1", "a,1.00,2024-01-05");
        Land("day2", "b,2.00,2024-01-06");
        await RunAsync("k1");

        var second = await RunAsync("k2");

        Assert.Equal(["sales/day1.csv", "sales/day2.csv"], second.InputFiles);
        Assert.Equal(RunIngestion.Full, second.Ingestion!.Mode);
        Assert.Equal([["a", "k2"], ["b", "k2"]], _lake.Query(Bronze, "SELECT id, _run_key FROM t ORDER BY id"));
    }

    [Fact]
    public async Task RunAsync_RetryOfAKey_ReadsWhatItsFirstAttemptChoseEvenAfterAnotherFileLanded()
    {
        SalesDataset.WriteTo(_lake, promotion: "append", ingestion: "incremental");
        Land("day1", "a,1.00,2024-01-05");
        await RunAsync("k1");
        Land("day2", "b,2.00,2024-01-06");

        var retry = await RunAsync("k1");
        var next = await RunAsync("k2");

        Assert.Equal(["sales/day1.csv"], retry.InputFiles);
        Assert.Equal(["sales/day2.csv"], next.InputFiles);
        Assert.Equal([["a", "k1"], ["b", "k2"]], _lake.Query(Bronze, "SELECT id, _run_key FROM t ORDER BY id"));
    }

    [Fact]
    public async Task RunAsync_FilesOrReprocess_ReadTheirObjectsAgainWithoutDoublingBronze()
    {
        SalesDataset.WriteTo(_lake, promotion: "append", ingestion: "incremental");
        Land("day1", "a,1.00,2024-01-05");
        Land("day2", "b,2.00,2024-01-06");
        await RunAsync("k1");

        var files = await RunAsync("k2", new RunRequest("sales", RunKey: "k2") { Files = ["sales/day2.csv"] });
        var reprocess = await RunAsync("k3", new RunRequest("sales", RunKey: "k3") { Reprocess = true });
        var none = await RunAsync("k4", new RunRequest("sales", RunKey: "k4") { Files = ["other/*.csv"] });

        Assert.Equal(["sales/day2.csv"], files.InputFiles);
        Assert.Equal(RunIngestion.Files, files.Ingestion!.Mode);
        Assert.Equal(["sales/day1.csv", "sales/day2.csv"], reprocess.InputFiles);
        Assert.Equal(RunIngestion.Reprocess, reprocess.Ingestion!.Mode);
        Assert.True(none.NothingNew);
        Assert.Equal([["a", "k3"], ["b", "k3"]], _lake.Query(Bronze, "SELECT id, _run_key FROM t ORDER BY id"));
    }

    private static Jobs.Lake.LakeLayout Layout => new("sales", "orders", "v1");

    private void Land(string name, params string[] rows) => SalesDataset.Land(_lake, name, rows);

    private Task<TableRunOutcome> RunAsync(string runKey) => RunAsync(runKey, new RunRequest("sales", RunKey: runKey));

    private async Task<TableRunOutcome> RunAsync(string runKey, RunRequest request)
    {
        Assert.Equal(runKey, request.RunKey);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var outcome = (await new PipelineRunner(ConfigLoader.Load(_lake.ConfDirectory), _clock, _reporter).RunAsync(request)).Single();
        Assert.True(outcome.Succeeded, outcome.Error);
        return outcome;
    }

    private async Task PublishAsync(string runKey)
    {
        await RunAsync(runKey);
        var dataset = ConfigLoader.Load(_lake.ConfDirectory).FindDataset("sales")!;
        var table = new LakeTable(_lake.Store, dataset, dataset.Tables[0]);
        Assert.True((await new RunValidator(_clock, _reporter).ValidateAsync(table, runKey)).Passed);
        await new Promoter(_clock, _reporter).PromoteAsync(table, runKey);
    }

    public sealed class Local() : IncrementalIngestionTests(new TestLake());

    [Collection(MotoCollection.Name)]
    public sealed class OnS3(MotoServer moto) : IncrementalIngestionTests(TestLake.OnS3(moto));
}
