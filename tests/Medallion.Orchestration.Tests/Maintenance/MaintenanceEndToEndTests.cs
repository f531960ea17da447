using Medallion.Delta;
using Medallion.Delta.Maintenance;
using Medallion.Delta.Storage;
using Medallion.Jobs.Config;
using Medallion.Orchestration.Maintenance;
using Medallion.Testing.Moto;

namespace Medallion.Orchestration.Tests.Maintenance;

/// <summary>
/// The maintenance "done when" (issue 17): many appending promotions, then OPTIMIZE and VACUUM, checked
/// by <see cref="IndependentDeltaReader"/>: rows unchanged, one file per partition below the target,
/// time travel and rollback within the retention still work, a crash-left copy is gone. Local and S3.
/// </summary>
public abstract class MaintenanceEndToEndTests(MotoServer? moto, int runs) : IDisposable
{
    private const string Current = SalesLake.Current;
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);
    private readonly SalesLake _sut = new(promotion: "append", moto: moto);

    private IObjectStore Store => _sut.Lake.Store;

    public void Dispose()
    {
        _sut.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// A lake in a local folder, 30 runs; <c>MEDALLION_MAINTENANCE_RUNS=300</c> runs the issue's
    /// 300-run lake by hand (minutes, so not in every test run).
    /// </summary>
    public sealed class Local() : MaintenanceEndToEndTests(moto: null, runs: int.TryParse(Environment.GetEnvironmentVariable("MEDALLION_MAINTENANCE_RUNS"), out var runs) ? runs : 30);

    /// <summary>A lake and raw root in a moto bucket (fewer runs: every request is a round trip).</summary>
    [Collection(MotoCollection.Name)]
    public sealed class OnS3(MotoServer moto) : MaintenanceEndToEndTests(moto, runs: 10);

    [Fact]
    public async Task OptimizeAndVacuum_AfterManyAppends_KeepRowsTimeTravelAndRollbackWithinTheRetention()
    {
        // The store stamps files with the real time; the fake clock starts there so both agree.
        _sut.Clock.SetUtcNow(TimeProvider.System.GetUtcNow());
        var optimizer = new TableOptimizer(Store, Current, DuckDbSpec.Default with { TempDirectory = _sut.Lake.EngineTempDirectory }, _sut.Clock);
        var half = runs / 2;
        for (var run = 1; run <= half; run++)
        {
            await PublishAsync(run);
        }

        var oldVersion = _sut.Lake.Snapshot(Current).Version;
        var oldFiles = await IndependentDeltaReader.LiveFilesAsync(Store, Current);
        // A copy a promotion made before it crashed: under current/, named by no add.
        var crashed = $"{Current}/{oldFiles.Keys.First()[..oldFiles.Keys.First().LastIndexOf('/')]}/part-crashed-copy.parquet";
        await Store.CopyAsync($"{Current}/{oldFiles.Keys.First()}", crashed);
        Assert.NotNull((await optimizer.OptimizeAsync()).Version);

        // Ten days later: the first half's small files were removed before the 7-day retention.
        _sut.Clock.Advance(TimeSpan.FromDays(10));
        var recent = new Dictionary<long, (long, System.Numerics.BigInteger)>();
        var promoted = new Dictionary<string, long>();
        for (var run = half + 1; run <= runs; run++)
        {
            var result = await PublishAsync(run);
            promoted[$"r{run}"] = result.Record.CurrentVersion;
            recent[result.Record.CurrentVersion] = await IndependentDeltaReader.ReadAsync(Store, Current, result.Record.CurrentVersion);
        }

        var before = await IndependentDeltaReader.ReadAsync(Store, Current);
        var filesBefore = _sut.Lake.Snapshot(Current).Files.Count;
        Assert.NotNull((await optimizer.OptimizeAsync()).Version);

        var sut = new DeltaVacuum(Store, Current, _sut.Clock);
        var objectsBefore = _sut.Lake.List(Current + "/").Select(o => o.Path).ToList();
        var plan = await sut.PlanAsync(Week);
        Assert.Equal(objectsBefore, _sut.Lake.List(Current + "/").Select(o => o.Path));
        Assert.Contains(plan.Files, file => file.Path == crashed[(Current.Length + 1)..] && file.Untracked);
        Assert.Equal(oldFiles.Count, plan.Files.Count(file => !file.Untracked));
        Assert.All(oldFiles.Keys, path => Assert.Contains(plan.Files, file => file.Path == path));
        Assert.NotNull(await sut.ExecuteAsync(plan));

        Assert.False(_sut.Lake.Exists(crashed));
        Assert.All(oldFiles.Keys, path => Assert.False(_sut.Lake.Exists($"{Current}/{path}")));
        Assert.Equal(before, await IndependentDeltaReader.ReadAsync(Store, Current));
        Assert.True(before.Rows == 2 * runs, $"{before.Rows} rows");
        var live = _sut.Lake.Snapshot(Current).Files;
        Assert.True(live.Count < filesBefore, $"{live.Count} live files after OPTIMIZE, {filesBefore} before");
        Assert.Equal(2, live.Select(f => f.PartitionValues["day_month"]).Distinct().Count());
        Assert.All(live.GroupBy(f => f.PartitionValues["day_month"]), partition => Assert.True(partition.Count(f => f.Size < OptimizePlanner.DefaultTargetFileSize) <= 1, $"{partition.Count()} small files in {partition.Key}"));
        Assert.All(live, file => Assert.False(file.DataChange));

        // Time travel within the retention: every recent version reads as it did, with both readers.
        foreach (var (version, expected) in recent)
        {
            Assert.Equal(expected, await IndependentDeltaReader.ReadAsync(Store, Current, version));
            Assert.Equal(version, (await new DeltaTable(Store, Current).LoadSnapshotAsync(version)).Version);
        }

        // Rollback to a promotion within the retention restores its rows exactly.
        var target = $"r{half + 2}";
        await _sut.RollbackAsync(target);
        Assert.Equal(recent[promoted[target]], await IndependentDeltaReader.ReadAsync(Store, Current));

        // Before the retention, the files are gone: a version that old cannot be read any more.
        Assert.Contains((await IndependentDeltaReader.LiveFilesAsync(Store, Current, oldVersion)).Keys, path => !_sut.Lake.Exists($"{Current}/{path}"));
    }

    private Task<Orchestration.Promotion.PromotionResult> PublishAsync(int run) =>
        _sut.PublishAsync($"r{run}", $"a{run},{run}.00,2024-01-05", $"b{run},{run}.50,2024-02-05");
}
