using Medallion.Testing;

namespace Medallion.Cli.Tests;

public sealed class MedallionCliTests : IDisposable
{
    private readonly TestLake _lake = new();

    public void Dispose() => _lake.Dispose();

    [Fact]
    public async Task Run_NewDatasetYaml_RunsWithNoCodeChange()
    {
        _lake.WriteDataset("sensors", """
            dataset: sensors
            tables:
              - name: readings
                source: { path: sensors/*.ndjson, format: json }
                columns:
                  - { name: sensor, type: string }
                  - { name: celsius, type: double }
                  - { name: at, type: timestamp, field: meta.at }
                partition_by: [at_day]
                transforms:
                  - split_date: { column: at, parts: [day] }
                rules:
                  - range: { column: celsius, min: -50, max: 60 }
                # 3 of the 4 rows are bad on purpose; the default gate allows half.
                validation: { max_quarantine_ratio: 0.75 }
            """);
        _lake.WriteRaw("sensors/a.ndjson",
            "{\"sensor\":\"s1\",\"celsius\":21.5,\"meta\":{\"at\":\"2026-11-01T10:00:00Z\"}}\n" +
            "{\"sensor\":\"s2\",\"celsius\":99,\"meta\":{\"at\":\"2026-11-02T10:00:00Z\"}}\n" +
            "{\"sensor\":\"s3\",\n" +
            "{\"sensor\":\"s4\",\"celsius\":\"warm\",\"meta\":{\"at\":\"2026-11-02T11:00:00Z\"}}\n");

        var (exitCode, output, error) = await CliRunner.RunAsync("run", "sensors", "--conf", _lake.ConfDirectory, "--run-key", "r1");

        Assert.True(exitCode == 0, error);
        Assert.Contains("range_celsius: 1 row(s)", output, StringComparison.Ordinal);
        Assert.Contains("malformed: 2 row(s)", output, StringComparison.Ordinal);
        Assert.Equal(1, _lake.Count("silver/sensors/readings/schema_v=1/runs/run_key=r1"));
        Assert.Equal(3, _lake.Count("quarantine/sensors/readings/schema_v=1"));
    }

    [Fact]
    public async Task Run_JsonArrayFile_ReadsEveryElement()
    {
        _lake.WriteDataset("blog", """
            dataset: blog
            tables:
              - name: posts
                source: { path: blog/posts.json, format: json }
                columns:
                  - { name: id, type: long }
                  - { name: title, type: string, field: title.rendered }
                transforms:
                  - decode_html: [title]
            """);
        _lake.WriteRaw("blog/posts.json", """[{"id": 1, "title": {"rendered": "A &amp; B"}}, {"id": 2, "title": {"rendered": "C&#8217;s"}}, 7]""");

        var (exitCode, _, error) = await CliRunner.RunAsync("run", "blog", "--conf", _lake.ConfDirectory, "--run-key", "r1");

        Assert.True(exitCode == 0, error);
        Assert.Equal(
            [["1", "A & B"], ["2", "C\u2019s"]],
            _lake.Query("silver/blog/posts/schema_v=1/runs/run_key=r1", "SELECT id, title FROM t ORDER BY id"));
        Assert.Equal(1, _lake.Count("quarantine/blog/posts/schema_v=1", "_raw = '7'"));
    }

    [Fact]
    public async Task Run_ConfigurationError_ExitsTwoNamingFileLineAndColumnAndWritesNothing()
    {
        var path = _lake.WriteDataset("broken", """
            dataset: broken
            tables:
              - name: t
                source: { path: x/*.csv, format: csv }
                columns:
                  - { name: a, type: strnig }
            """);

        var (exitCode, _, error) = await CliRunner.RunAsync("run", "broken", "--conf", _lake.ConfDirectory);

        Assert.Equal(2, exitCode);
        Assert.Contains($"{path}:6:", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_lake.LakeRoot));
    }

    [Fact]
    public async Task Run_UnknownDataset_ExitsTwo()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("run", "nope", "--conf", _lake.ConfDirectory);

        Assert.Equal(2, exitCode);
        Assert.Contains("Unknown dataset 'nope'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownOption_ExitsTwo()
    {
        var (exitCode, _, _) = await CliRunner.RunAsync("run", "x", "--no-such-option");

        Assert.Equal(2, exitCode);
    }

    [Fact]
    public async Task Run_FailRuleBroken_ExitsOne()
    {
        _lake.WriteDataset("strict", """
            dataset: strict
            tables:
              - name: t
                source: { path: strict/*.csv, format: csv }
                columns:
                  - { name: a, type: string }
                  - { name: b, type: string }
                rules:
                  - not_null: { column: a }
                    severity: fail
            """);
        _lake.WriteRaw("strict/1.csv", "a,b\nx,y\n,z\n");

        var (exitCode, _, error) = await CliRunner.RunAsync("run", "strict", "--conf", _lake.ConfDirectory, "--run-key", "r1");

        Assert.Equal(1, exitCode);
        Assert.Contains("not_null_a", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Datasets_ValidConfiguration_ListsTablesAndExitsZero()
    {
        _lake.WriteDataset("blog", """
            dataset: blog
            tables:
              - name: posts
                source: { path: blog/posts.json, format: json }
                columns:
                  - { name: id, type: long }
            """);

        var (exitCode, output, _) = await CliRunner.RunAsync("datasets", "--conf", _lake.ConfDirectory);

        Assert.Equal(0, exitCode);
        Assert.Contains("posts", output, StringComparison.Ordinal);
        Assert.Contains("Configuration OK: 1 dataset(s), 1 table(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_EveryCommand_PrintsUsage()
    {
        foreach (var command in new[] { "run", "plan", "datasets" })
        {
            var (exitCode, output, _) = await CliRunner.RunAsync(command, "--help");

            Assert.Equal(0, exitCode);
            Assert.Contains("Usage:", output, StringComparison.Ordinal);
        }
    }
}
