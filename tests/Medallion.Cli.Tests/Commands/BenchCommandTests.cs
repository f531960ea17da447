using System.Text.Json;
using Medallion.Testing;

namespace Medallion.Cli.Tests.Commands;

/// <summary>The benchmark's output shape and counts; never its timings.</summary>
public sealed class BenchCommandTests
{
    [Fact]
    public async Task Bench_SmallInputJson_PrintsOneObjectWhoseCountsReconcile()
    {
        using var work = new TempDirectory("medallion-bench");

        var (exitCode, output, error) = await CliRunner.RunAsync("bench", "--size", "20MB", "--reps", "1", "--json", "--work-dir", work.Path);

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        foreach (var name in new[] { "duckdb_rows_per_second", "medallion_rows_per_second", "ratio", "silver_rows_per_second", "silver_ratio", "peak_rss_bytes" })
        {
            Assert.True(root.GetProperty(name).GetDouble() > 0, name);
        }

        Assert.InRange(root.GetProperty("input_bytes").GetInt64(), 19L << 20, 21L << 20);
        var rows = root.GetProperty("rows").GetInt64();
        Assert.Equal(rows, root.GetProperty("silver_rows").GetInt64() + root.GetProperty("quarantined_rows").GetInt64());
        Assert.Equal(root.GetProperty("expected_silver_rows").GetInt64(), root.GetProperty("silver_rows").GetInt64());
        Assert.Equal(root.GetProperty("expected_quarantined_rows").GetInt64(), root.GetProperty("quarantined_rows").GetInt64());
        Assert.Single(root.GetProperty("pairs").EnumerateArray());
        Assert.Empty(Directory.GetFileSystemEntries(work.Path));
    }

    [Fact]
    public async Task Bench_BadSize_ExitsTwoNamingTheValue()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("bench", "--size", "lots", "--reps", "1");

        Assert.Equal(2, exitCode);
        Assert.Contains("'lots' is not a size", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promotion_FewFilesOnMotoWithLatency_CopiesEveryFileBothWays()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("bench", "promotion", "--files", "40", "--file-bytes", "1024", "--latency-ms", "2", "--json");

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(40, json.RootElement.GetProperty("files").GetInt32());
        Assert.Equal(16, json.RootElement.GetProperty("parallelism").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("added_latency_milliseconds").GetDouble());
        Assert.True(json.RootElement.GetProperty("speedup").GetDouble() > 0);
    }

    [Fact]
    public async Task Promotion_LatencyWithEndpoint_ExitsTwoSayingWhy()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("bench", "promotion", "--endpoint-url", "http://127.0.0.1:1", "--latency-ms", "25");

        Assert.Equal(2, exitCode);
        Assert.Contains("--latency-ms", error, StringComparison.Ordinal);
        Assert.Contains("--endpoint-url", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_ThreeLocalRuns_ReportsRunsOneAndThreeWithTheirRequests()
    {
        using var work = new TempDirectory("medallion-bench-history");
        var (exitCode, output, error) = await CliRunner.RunAsync("bench", "history", "--runs", "3", "--json", "--work-dir", work.Path);

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("local", json.RootElement.GetProperty("store").GetString());
        var samples = json.RootElement.GetProperty("samples").EnumerateArray().ToList();
        Assert.Equal([1, 3], samples.Select(s => s.GetProperty("run").GetInt32()));
        Assert.All(samples, s => Assert.True(s.GetProperty("requests").GetProperty("put").GetInt64() > 0));
        Assert.All(samples, s => Assert.True(s.GetProperty("runs_listing_requests").GetProperty("get").GetInt64() > 0));
        Assert.Equal(3, json.RootElement.GetProperty("seconds_per_run").GetArrayLength());
    }
}
