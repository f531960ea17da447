using Medallion.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Cli.Tests.Commands;

/// <summary><c>medallion table optimize</c>, <c>table vacuum</c> and <c>runs prune</c> through the real command line on a local lake.</summary>
public sealed class TableMaintenanceCommandTests : IDisposable
{
    private const string Current = SalesDataset.Current;
    private readonly TestLake _lake = new();

    /// <summary>Eight days after the store wrote the files: past the 7-day retention for both the log's times and the files' own.</summary>
    private readonly FakeTimeProvider _later = new(TimeProvider.System.GetUtcNow().AddDays(8));

    public void Dispose() => _lake.Dispose();

    [Fact]
    public async Task OptimizeThenVacuum_AppendedRuns_CompactAndDeleteOnlyWhatTheRetentionAllows()
    {
        SalesDataset.WriteTo(_lake, promotion: "append");
        await RunAsync("r1", "a,1.00,2024-01-05");
        await RunAsync("r2", "b,2.00,2024-01-06");
        var small = _lake.Snapshot(Current).Files.Select(f => f.Path).ToList();

        var (exitCode, output, error) = await Cli("table", "optimize", "sales");

        Assert.True(exitCode == 0, error);
        Assert.Contains("sales.orders current/: compacted 2 file(s)", output, StringComparison.Ordinal);
        Assert.Contains("in 1 partition(s) into 1 file(s)", output, StringComparison.Ordinal);
        Assert.Equal(["a:1.00:r1", "b:2.00:r2"], SalesDataset.CurrentRows(_lake));
        Assert.Contains("nothing to compact", (await Cli("table", "optimize", "sales")).Output, StringComparison.Ordinal);

        var refused = await Cli(_later, "table", "vacuum", "sales", "--retention", "1h");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--retention 1 hours is shorter than the table's delta.deletedFileRetentionDuration (7 days)", refused.Error, StringComparison.Ordinal);

        var dryRun = await Cli(_later, "table", "vacuum", "sales", "--dry-run");
        Assert.True(dryRun.ExitCode == 0, dryRun.Error);
        Assert.All(small, path => Assert.Contains($"would delete {path} (", dryRun.Output, StringComparison.Ordinal));
        Assert.Contains("2 file(s)", dryRun.Output, StringComparison.Ordinal);
        Assert.Contains("dry run, nothing deleted", dryRun.Output, StringComparison.Ordinal);
        Assert.All(small, path => Assert.True(_lake.Exists($"{Current}/{path}")));

        var vacuum = await Cli(_later, "table", "vacuum", "sales");
        Assert.True(vacuum.ExitCode == 0, vacuum.Error);
        Assert.Contains("deleted 2 file(s)", vacuum.Output, StringComparison.Ordinal);
        Assert.All(small, path => Assert.False(_lake.Exists($"{Current}/{path}")));
        Assert.Equal(["a:1.00:r1", "b:2.00:r2"], SalesDataset.CurrentRows(_lake));
        Assert.Equal("VACUUM END", (await new Delta.DeltaTable(_lake.Store, Current).HistoryAsync())[^1].Operation);
    }

    [Fact]
    public async Task Vacuum_WithinTheRetention_DeletesNothing()
    {
        SalesDataset.WriteTo(_lake, promotion: "append");
        await RunAsync("r1", "a,1.00,2024-01-05");
        await RunAsync("r2", "b,2.00,2024-01-06");
        Assert.Equal(0, (await Cli("table", "optimize", "sales")).ExitCode);

        var (exitCode, output, error) = await Cli("table", "vacuum", "sales");

        Assert.True(exitCode == 0, error);
        Assert.Contains("deleted 0 file(s)", output, StringComparison.Ordinal);
        Assert.Equal(3, _lake.List(Current + "/").Count(o => o.Path.EndsWith(".parquet", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RunsPrune_OldRejectedRun_RemovesItsFolderAndEndedLeasesButKeepsPromotedRuns()
    {
        SalesDataset.WriteTo(_lake);
        await RunAsync("r1", "a,1.00,2024-01-05");
        SalesDataset.WriteTo(_lake, "min_rows: 3");
        SalesDataset.WriteRaw(_lake, "b,2.00,2024-01-06");
        Assert.Equal(1, (await Cli("run", "sales", "--run-key", "r2")).ExitCode);
        const string Runs = "silver/sales/orders/schema_v=1/runs";
        const string Leases = "silver/sales/orders/_leases";
        Assert.NotEmpty(_lake.List($"{Leases}/run_key=r2/"));

        var dryRun = await Cli(_later, "runs", "prune", "sales", "--dry-run");

        Assert.True(dryRun.ExitCode == 0, dryRun.Error);
        Assert.Contains("would remove run r2 of sales.orders (rejected since", dryRun.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("run r1", dryRun.Output, StringComparison.Ordinal);
        Assert.Contains("the ended leases of 2 run key(s)", dryRun.Output, StringComparison.Ordinal);
        Assert.NotEmpty(_lake.List($"{Runs}/run_key=r2/"));

        var (exitCode, output, error) = await Cli(_later, "runs", "prune", "sales");

        Assert.True(exitCode == 0, error);
        Assert.Contains("removed 1 staged run(s)", output, StringComparison.Ordinal);
        Assert.Empty(_lake.List($"{Runs}/run_key=r2/"));
        Assert.Empty(_lake.List($"{Leases}/"));
        Assert.True(_lake.Exists($"{Runs}/run_key=r1/_run.json"));
        // The pruned run's _run_index marker goes too: listing runs would otherwise try to read its ledger forever.
        Assert.False(_lake.Exists("silver/sales/orders/schema_v=1/_run_index/run_key=r2"));
        Assert.True(_lake.Exists("silver/sales/orders/schema_v=1/_run_index/run_key=r1"));
        Assert.Equal(["a:1.00:r1"], SalesDataset.CurrentRows(_lake));
    }

    [Fact]
    public async Task RunsPrune_RecentRun_KeepsIt()
    {
        SalesDataset.WriteTo(_lake, "min_rows: 3");
        SalesDataset.WriteRaw(_lake, "b,2.00,2024-01-06");
        Assert.Equal(1, (await Cli("run", "sales", "--run-key", "r2")).ExitCode);

        var (exitCode, output, _) = await Cli("runs", "prune", "sales");

        Assert.Equal(0, exitCode);
        Assert.Contains("removed 0 staged run(s) and the ended leases of 0 run key(s)", output, StringComparison.Ordinal);
        Assert.True(_lake.Exists("silver/sales/orders/schema_v=1/runs/run_key=r2/_run.json"));
    }

    private async Task RunAsync(string runKey, params string[] rows)
    {
        SalesDataset.WriteRaw(_lake, rows);
        var (exitCode, _, error) = await Cli("run", "sales", "--run-key", runKey);
        Assert.True(exitCode == 0, error);
    }

    private Task<(int ExitCode, string Output, string Error)> Cli(params string[] args) =>
        CliRunner.RunAsync([.. args, "--conf", _lake.ConfDirectory]);

    private Task<(int ExitCode, string Output, string Error)> Cli(TimeProvider clock, params string[] args) =>
        CliRunner.RunAsync(clock, [.. args, "--conf", _lake.ConfDirectory]);
}
