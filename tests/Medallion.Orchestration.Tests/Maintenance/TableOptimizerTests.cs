using Medallion.Jobs.Config;
using Medallion.Orchestration.Maintenance;
using Medallion.Orchestration.Promotion;

namespace Medallion.Orchestration.Tests.Maintenance;

/// <summary>OPTIMIZE beside concurrent writers of <c>current/</c>, and the automatic OPTIMIZE after a promotion.</summary>
public sealed class TableOptimizerTests : IDisposable
{
    private const string Current = SalesLake.Current;
    private readonly SalesLake _lake = new(promotion: "append");

    public void Dispose() => _lake.Dispose();

    [Fact]
    public async Task OptimizeAsync_ARollbackRemovesTheFilesFirst_PlansAgainAndLeavesNoCompactedCopy()
    {
        await _lake.PublishAsync("r1", "a,1.00,2024-01-05");
        await _lake.PublishAsync("r2", "b,2.00,2024-01-06");
        var sut = Optimizer();
        // The rollback commits between OPTIMIZE reading the table and committing: both remove r2's file.
        sut.BeforeCommit = async _ => { sut.BeforeCommit = null; await _lake.RollbackAsync("r1"); };

        var result = await sut.OptimizeAsync();

        Assert.Equal((2, (long?)null), (result.Attempts, result.Version));
        Assert.Equal(["a:1.00:r1"], _lake.CurrentRows());
        Assert.Equal(2, _lake.Lake.Snapshot(Current).Version);
        Assert.DoesNotContain(_lake.Lake.List(Current + "/"), o => o.Path.EndsWith("-c000.zstd.parquet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OptimizeAsync_AnAppendingPromotionCommitsFirst_BothStand()
    {
        await _lake.PublishAsync("r1", "a,1.00,2024-01-05");
        await _lake.PublishAsync("r2", "b,2.00,2024-01-06");
        await _lake.RunAsync("r3", "c,3.00,2024-01-07");
        Assert.True((await _lake.ValidateAsync("r3")).Passed);
        var sut = Optimizer();
        PromotionResult? promoted = null;
        sut.BeforeCommit = async _ => { sut.BeforeCommit = null; promoted = await _lake.PromoteAsync("r3"); };

        var result = await sut.OptimizeAsync();

        Assert.Equal((1, 3L), (result.Attempts, result.Version));
        Assert.Equal(2, promoted!.Record.CurrentVersion);
        Assert.Equal(["a:1.00:r1", "b:2.00:r2", "c:3.00:r3"], _lake.CurrentRows());
        Assert.Equal(2, _lake.Lake.Snapshot(Current).Files.Count);
    }

    [Fact]
    public async Task PromoteAsync_EnvironmentAsksForMaintenance_CompactsAPartitionOnceItHasTooManySmallFiles()
    {
        var environment = Jobs.Config.ConfigLoader.Load(_lake.Lake.ConfDirectory).Settings.Environments["local"]
            with { Maintenance = new MaintenanceSpec(OptimizeSmallFiles: 2) };
        var table = _lake.Table with { Environment = environment };
        var promoter = new Promoter(_lake.Clock, _lake.Reporter);
        foreach (var run in new[] { "r1", "r2" })
        {
            await _lake.RunAsync(run, $"{run},1.00,2024-01-05");
            await _lake.ValidateAsync(run);
            await promoter.PromoteAsync(table, run);
        }

        Assert.Equal(2, _lake.Lake.Snapshot(Current).Files.Count);

        await _lake.RunAsync("r3", "r3,1.00,2024-01-05");
        await _lake.ValidateAsync("r3");
        await promoter.PromoteAsync(table, "r3");

        var snapshot = _lake.Lake.Snapshot(Current);
        Assert.Equal((3L, 1), (snapshot.Version, snapshot.Files.Count));
        Assert.Equal(["r1:1.00:r1", "r2:1.00:r2", "r3:1.00:r3"], _lake.CurrentRows());
        Assert.DoesNotContain(_lake.Reporter.Warnings, warning => warning.Contains("OPTIMIZE", StringComparison.Ordinal));
    }

    private TableOptimizer Optimizer() =>
        new(_lake.Lake.Store, Current, DuckDbSpec.Default with { TempDirectory = _lake.Lake.EngineTempDirectory }, _lake.Clock);
}
