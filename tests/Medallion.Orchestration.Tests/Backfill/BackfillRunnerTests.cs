using Medallion.Delta;
using Medallion.Jobs.Config;
using Medallion.Orchestration.Backfill;
using Medallion.Orchestration.Promotion;
using Medallion.Orchestration.Runs;
using Medallion.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Orchestration.Tests.Backfill;

/// <summary>Issue 13: a backfill re-runs raw partitions day by day, each slice validated and promoted, and resumes after a crash.</summary>
public sealed class BackfillRunnerTests : IDisposable
{
    private static readonly DateOnly First = new(2024, 1, 1);

    /// <summary>Only the test that armed the crash sees it: other tests run in parallel through the same static hook.</summary>
    private static readonly AsyncLocal<StrongBox> Armed = new();

    private readonly TestLake _lake = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    public BackfillRunnerTests()
    {
        SalesDataset.WriteDatedTo(_lake);
        for (var i = 0; i < 5; i++)
        {
            var day = First.AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            _lake.WriteRaw($"sales/dt={day}/orders.csv", $"id,amount,day\n{i + 1},{i + 1}0.00,{day}\n");
        }
    }

    public void Dispose() => _lake.Dispose();

    [Fact]
    public async Task PlanAsync_DatePlaceholder_OneSliceADayInTheRangeOldestFirst()
    {
        var sut = await BackfillPlanner.PlanAsync(Selection(), First.AddDays(1), First.AddDays(3));

        Assert.Equal(["backfill-2024-01-02", "backfill-2024-01-03", "backfill-2024-01-04"], sut.Select(s => s.RunKey));
        Assert.Equal(["sales/dt=2024-01-03/orders.csv"], sut[1].Files);
    }

    [Fact]
    public async Task PlanAsync_NoPlaceholder_DatesFilesByTheirModificationDayInUtc()
    {
        _lake.WriteDataset("sales", File.ReadAllText(Path.Combine(_lake.DatasetsDirectory, "sales.yaml")).Replace("sales/dt={date}/*.csv", "sales/*/*.csv", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(Path.Combine(_lake.RawRoot, "sales", "dt=2024-01-01", "orders.csv"), new DateTime(2024, 3, 9, 23, 59, 0, DateTimeKind.Utc));
        File.SetLastWriteTimeUtc(Path.Combine(_lake.RawRoot, "sales", "dt=2024-01-02", "orders.csv"), new DateTime(2024, 3, 9, 0, 0, 0, DateTimeKind.Utc));
        File.SetLastWriteTimeUtc(Path.Combine(_lake.RawRoot, "sales", "dt=2024-01-03", "orders.csv"), new DateTime(2024, 3, 10, 0, 0, 0, DateTimeKind.Utc));

        var sut = await BackfillPlanner.PlanAsync(Selection(), new DateOnly(2024, 3, 9), new DateOnly(2024, 3, 9));

        var slice = Assert.Single(sut);
        Assert.Equal(["sales/dt=2024-01-01/orders.csv", "sales/dt=2024-01-02/orders.csv"], slice.Files);
    }

    /// <summary>The done-when of issue 13: five slices, killed after the third, restarted: slices 4 and 5 are promoted, 1 to 3 not again.</summary>
    [Fact]
    public async Task RunAsync_KilledAfterSliceThreeThenRestarted_PromotesSlicesFourAndFiveOnly()
    {
        var slices = await BackfillPlanner.PlanAsync(Selection(), First, First.AddDays(4));
        Assert.Equal(5, slices.Count);

        // The fourth run to take its run key dies there, as a killed process would: after slice 3's promotion.
        var crash = await Assert.ThrowsAsync<InvalidOperationException>(() => RunAllAsync(slices, crashAtLease: 4));
        Assert.Equal("killed at run-key-leased", crash.Message);
        Assert.Equal(["backfill-2024-01-01", "backfill-2024-01-02", "backfill-2024-01-03"], await PromotedRunKeysAsync());

        var restarted = await RunAllAsync(slices, crashAtLease: 0);

        Assert.Equal(
            [BackfillSliceStatus.AlreadyPromoted, BackfillSliceStatus.AlreadyPromoted, BackfillSliceStatus.AlreadyPromoted, BackfillSliceStatus.Promoted, BackfillSliceStatus.Promoted],
            restarted.Select(o => o.Status));
        Assert.Equal(["backfill-2024-01-01", "backfill-2024-01-02", "backfill-2024-01-03", "backfill-2024-01-04", "backfill-2024-01-05"], await PromotedRunKeysAsync());
        Assert.Equal(
            ["1:backfill-2024-01-01", "2:backfill-2024-01-02", "3:backfill-2024-01-03", "4:backfill-2024-01-04", "5:backfill-2024-01-05"],
            _lake.Query(SalesDataset.Current, "SELECT id || ':' || _run_key FROM t ORDER BY 1").Select(r => r[0]));
    }

    private async Task<List<BackfillSliceOutcome>> RunAllAsync(IReadOnlyList<BackfillSlice> slices, int crashAtLease)
    {
        var leases = 0;
        Armed.Value = new StrongBox { Crash = point => point == CrashPoints.RunKeyLeased && crashAtLease > 0 && ++leases == crashAtLease };
        CrashPoints.Handler ??= static point =>
        {
            if (Armed.Value?.Crash(point) == true)
            {
                throw new InvalidOperationException($"killed at {point}");
            }
        };
        var outcomes = new List<BackfillSliceOutcome>();
        await foreach (var outcome in new BackfillRunner(ConfigLoader.Load(_lake.ConfDirectory), _clock, new RecordingReporter()).RunAsync(new RunRequest("sales"), slices))
        {
            Assert.NotEqual(BackfillSliceStatus.Failed, outcome.Status);
            outcomes.Add(outcome);
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        return outcomes;
    }

    private async Task<List<string>> PromotedRunKeysAsync()
    {
        var configuration = ConfigLoader.Load(_lake.ConfDirectory);
        var dataset = configuration.FindDataset("sales")!;
        var table = new LakeTable(_lake.Store, dataset, dataset.Tables[0]);
        var snapshot = await new DeltaTable(table.Store, table.Layout.SilverCurrent).LoadSnapshotAsync();
        var log = await PromotionLog.ReadNewestAsync(table, snapshot.Version, int.MaxValue, CancellationToken.None);
        return [.. log.Where(r => r.Operation == PromotionRecord.PromoteOperation).Select(r => r.RunKey)];
    }

    private PipelineSelection Selection() => PipelineSelection.Resolve(ConfigLoader.Load(_lake.ConfDirectory), "sales", null, null);

    private sealed class StrongBox
    {
        public required Func<string, bool> Crash { get; init; }
    }
}
