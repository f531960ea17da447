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
        foreach (var name in new[]
        {
            "duckdb_rows_per_second", "floor_rows_per_second", "medallion_rows_per_second", "ratio", "floor_ratio", "silver_rows_per_second", "silver_ratio",
            "silver_copy_ratio", "peak_rss_bytes", "silver_copy_rows_written",
        })
        {
            Assert.True(root.GetProperty(name).GetDouble() > 0, name);
        }

        Assert.InRange(root.GetProperty("input_bytes").GetInt64(), 19L << 20, 21L << 20);
        var rows = root.GetProperty("rows").GetInt64();
        Assert.Equal(rows, root.GetProperty("silver_rows").GetInt64() + root.GetProperty("quarantined_rows").GetInt64());
        Assert.Equal(root.GetProperty("expected_silver_rows").GetInt64(), root.GetProperty("silver_rows").GetInt64());
        Assert.Equal(root.GetProperty("expected_quarantined_rows").GetInt64(), root.GetProperty("quarantined_rows").GetInt64());
        Assert.Equal(root.GetProperty("silver_rows").GetInt64(), root.GetProperty("floor_silver_rows").GetInt64());
        Assert.Equal(root.GetProperty("quarantined_rows").GetInt64(), root.GetProperty("floor_quarantined_rows").GetInt64());
        var pair = Assert.Single(root.GetProperty("pairs").EnumerateArray());
        Assert.True(pair.GetProperty("floor_seconds").GetDouble() > 0);
        Assert.True(pair.GetProperty("silver_copy_seconds").GetDouble() > 0);
        Assert.Empty(Directory.GetFileSystemEntries(work.Path));
    }

    [Fact]
    public async Task Bench_TinyCsvText_PrintsFloorRatioAndTheFloorsEqualCounts()
    {
        using var work = new TempDirectory("medallion-bench");

        var (exitCode, output, error) = await CliRunner.RunAsync("bench", "--size", "2MB", "--reps", "1", "--format", "csv", "--work-dir", work.Path);

        Assert.True(exitCode == 0, error);
        Assert.Matches(@"floor_ratio [0-9]+\.[0-9]{3}", output);
        Assert.Contains("silver run vs a bare partitioned COPY of the same rows from bronze: ", output, StringComparison.Ordinal);
        var counts = System.Text.RegularExpressions.Regex.Match(
            output, @"counts: silver ([0-9,]+) \(expected ([0-9,]+), floor ([0-9,]+)\), quarantined ([0-9,]+) \(expected ([0-9,]+), floor ([0-9,]+)\)");
        Assert.True(counts.Success, output);
        Assert.Equal(counts.Groups[1].Value, counts.Groups[3].Value);
        Assert.Equal(counts.Groups[4].Value, counts.Groups[6].Value);
        Assert.NotEqual("0", counts.Groups[4].Value);
        Assert.Empty(Directory.GetFileSystemEntries(work.Path));
    }

    [Fact]
    public async Task Bench_TypedParquetSource_RunsEveryContenderWithTheFloorsCounts()
    {
        using var work = new TempDirectory("medallion-bench");

        var (exitCode, output, error) = await CliRunner.RunAsync("bench", "--size", "4MB", "--reps", "1", "--format", "parquet", "--json", "--work-dir", work.Path);

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("parquet", root.GetProperty("format").GetString());
        var rows = root.GetProperty("rows").GetInt64();
        Assert.True(rows > 0);
        // The typed file holds every record DuckDB could read: the bare COPY writes them all, none is malformed.
        Assert.Equal(rows, root.GetProperty("duckdb_rows_written").GetInt64());
        Assert.Equal(rows, root.GetProperty("silver_copy_rows_written").GetInt64());
        Assert.Equal(rows, root.GetProperty("silver_rows").GetInt64() + root.GetProperty("quarantined_rows").GetInt64());
        Assert.Equal(root.GetProperty("floor_silver_rows").GetInt64(), root.GetProperty("silver_rows").GetInt64());
        Assert.Equal(root.GetProperty("floor_quarantined_rows").GetInt64(), root.GetProperty("quarantined_rows").GetInt64());
        Assert.True(root.GetProperty("quarantined_rows").GetInt64() > 0);
        Assert.True(root.GetProperty("floor_ratio").GetDouble() > 0);
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
