using Medallion.Delta;
using Medallion.Delta.Storage;
using Medallion.Jobs.Engine;
using Medallion.Jobs.Lake;
using Medallion.Orchestration.History;
using Medallion.Orchestration.Ledger;
using Medallion.Testing;
using Medallion.Testing.Moto;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Orchestration.Tests.History;

[Collection(MotoCollection.Name)]
public sealed class RunHistoryWriterTests(MotoServer moto) : IDisposable
{
    private readonly TempDirectory _lake = new("medallion-history");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    public void Dispose() => _lake.Dispose();

    /// <summary>The history uses the Delta writer's put-if-absent commits, so it works on S3 and under concurrent appends.</summary>
    [Fact]
    public async Task AppendAsync_EightRunsAtOnceOnS3_EveryRowLandsInItsOwnVersion()
    {
        using var store = moto.CreateStore("lake");
        var sut = new RunHistoryWriter(store, _clock);

        var versions = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => sut.AppendAsync(Row($"k{i}", i % 2 == 0 ? "shop" : "blog"))));

        Assert.Equal(Enumerable.Range(0, 8).Select(v => (long)v), versions.Order());
        var shop = await new RunHistoryReader(store).ReadAsync("shop");
        Assert.Equal(["k2", "k4", "k6", "k8"], shop.Select(r => r.RunKey).Order(StringComparer.Ordinal));
        Assert.All(shop, r => Assert.Equal((1000L, 40L, "00fb"), (r.RowsRead!.Value, r.Quarantined!.Value, r.EmrJobRunIds["bronze"])));
        var snapshot = await new DeltaTable(store, RunHistoryTable.Path).LoadSnapshotAsync();
        Assert.Equal(["dataset"], snapshot.Metadata.PartitionColumns);
        Assert.All(snapshot.Files, f => Assert.Equal(1, f.Stats!.NumRecords));
    }

    /// <summary>A run that fails in a layer never reaches the gate; its row comes from the lifecycle.</summary>
    [Fact]
    public async Task RunLifecycle_LayerFails_LeavesAFailedRowWithTheReason()
    {
        var store = new LocalObjectStore(_lake.Path);
        var layout = new LakeLayout("shop", "orders", "1");
        var lifecycle = new RunLifecycle(new RunLedger(store), layout, _clock);
        var started = await lifecycle.StartAsync(
            new RunLedgerEntry("k1", "shop", "orders", [LayerNames.Silver], "duckdb", "local", "1", RunLedgerEntry.Running,
                [new RunStatusChange(RunLedgerEntry.Running, _clock.GetUtcNow())], [], null, null, null),
            resume: false);

        await lifecycle.RunAsync(started, [_ => throw new MedallionException("rule `positive` failed for 3 rows")]);

        var row = Assert.Single(await new RunHistoryReader(store).ReadAsync("shop"));
        Assert.Equal(("k1", "orders", RunLedgerEntry.Failed, "rule `positive` failed for 3 rows"), (row.RunKey, row.Table, row.Status, row.Error));
        Assert.Null(row.ValidationPassed);
        Assert.Null(row.RowsRead);
    }

    private RunHistoryRow Row(string runKey, string dataset) => new(
        dataset, "orders", runKey, "spark", "prod", "v1", RunLedgerEntry.Promoted, null,
        _clock.GetUtcNow(), _clock.GetUtcNow().AddMinutes(3), _clock.GetUtcNow().AddMinutes(4), 12.5, 30.25,
        2, 1000, 1000, 950, 40, 6, 4, 3,
        new Dictionary<string, long> { ["positive_amount"] = 30, ["known_currency"] = 12 },
        true, new Dictionary<string, string> { ["min_rows"] = "passed", ["max_row_change_ratio"] = "skipped" },
        7, "arn:aws:states:eu-west-1:123456789012:execution:medallion-prod:" + runKey, "medallion-prod",
        new Dictionary<string, string> { ["bronze"] = "00fb", ["silver"] = "00fs" });
}
