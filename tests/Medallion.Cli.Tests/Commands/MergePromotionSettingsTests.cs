using Medallion.Orchestration;
using Medallion.Testing;

namespace Medallion.Cli.Tests.Commands;

/// <summary>
/// Regression: the merge promotion of <c>medallion run</c> ran its DuckDB with the defaults (working
/// below the system's temp folder, with DuckDB's own memory and threads) instead of the environment's
/// <c>duckdb:</c> block, so a host with a small /tmp or a tight memory budget could not bound it.
/// </summary>
public sealed class MergePromotionSettingsTests : IDisposable
{
    /// <summary>The engine temp folder of the test whose merge is being watched, and the merge folders seen there; other tests running at once see null.</summary>
    private static readonly AsyncLocal<Watch?> Watching = new();

    private readonly TestLake _lake = new();

    public MergePromotionSettingsTests() => _lake.WriteDataset("shop", """
        dataset: shop
        tables:
          - name: customers
            source: { path: shop/*.csv, format: csv }
            columns:
              - { name: id, type: long }
              - { name: name, type: string }
            primary_key: [id]
            validation: { min_rows: 1 }
            promotion: merge
        """);

    public void Dispose() => _lake.Dispose();

    [Fact]
    public async Task Run_MergePromotion_WorksBelowTheEnvironmentsDuckDbTempDirectory()
    {
        var watch = new Watch(_lake.EngineTempDirectory);
        Watching.Value = watch;
        CrashPoints.Handler ??= static point =>
        {
            // The merge reaches this point with its work folder in place, just before its commit.
            if (point == CrashPoints.PromoteBeforeCommit && Watching.Value is { } seen && Directory.Exists(seen.Folder))
            {
                seen.MergeFolders.AddRange(Directory.GetDirectories(seen.Folder, "medallion-merge-*").Select(Path.GetFileName)!);
            }
        };
        _lake.WriteRaw("shop/day1.csv", "id,name\n1,ann\n2,bob\n");
        var first = await CliRunner.RunAsync("run", "shop", "--run-key", "k1", "--conf", _lake.ConfDirectory);
        Assert.True(first.ExitCode == 0, first.Error);
        _lake.WriteRaw("shop/day2.csv", "id,name\n2,bea\n3,cid\n");

        var (exitCode, _, error) = await CliRunner.RunAsync("run", "shop", "--run-key", "k2", "--conf", _lake.ConfDirectory);

        Assert.True(exitCode == 0, error);
        Assert.Equal(2, watch.MergeFolders.Count);
        Assert.Empty(Directory.GetDirectories(_lake.EngineTempDirectory, "medallion-merge-*"));
        Assert.Equal([["1", "ann"], ["2", "bea"], ["3", "cid"]], _lake.Query("silver/shop/customers/schema_v=1/current", "SELECT id, name FROM t ORDER BY id"));
    }

    private sealed record Watch(string Folder)
    {
        public List<string> MergeFolders { get; } = [];
    }
}
