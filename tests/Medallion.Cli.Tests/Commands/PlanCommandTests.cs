using Medallion.Testing;

namespace Medallion.Cli.Tests.Commands;

public sealed class PlanCommandTests : IDisposable
{
    private readonly TestLake _lake = new();

    public PlanCommandTests() => _lake.WriteDataset("blog", """
        dataset: blog
        tables:
          - name: posts
            source: { path: blog/posts.json, format: json }
            columns:
              - { name: id, type: long }
            rules:
              - not_null: { column: id }
        """);

    public void Dispose() => _lake.Dispose();

    [Fact]
    public async Task Plan_EngineSpark_PrintsTheJobHostsSparkSql()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("plan", "blog", "--engine", "spark", "--conf", _lake.ConfDirectory);

        Assert.Equal((0, ""), (exitCode, error));
        Assert.Contains("-- ===== blog.posts: bronze (spark) =====", output, StringComparison.Ordinal);
        // posts.json is one JSON document: loaded as whole-file text, then split into records in SQL (issue 11).
        Assert.Contains("CREATE TABLE raw_loaded (value STRING) USING text;", output, StringComparison.Ordinal);
        Assert.Contains("from_json(__object, '`id` STRING, `__corrupt` STRING', map('columnNameOfCorruptRecord', '__corrupt'))", output, StringComparison.Ordinal);
        Assert.Contains("try_cast(__f_0 AS BIGINT) AS `id`", output, StringComparison.Ordinal);
        Assert.Contains("-- ===== blog.posts: silver (spark) =====", output, StringComparison.Ordinal);
        Assert.Contains($"FROM delta.`{_lake.LakeRoot}/bronze/blog/posts/schema_v=1` WHERE _run_key = 'run-key';", output, StringComparison.Ordinal);
        Assert.DoesNotContain("(duckdb)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("TRY_CAST", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_NoEngine_PrintsTheEmbeddedEnginesBronzeAndSilverSql()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync("plan", "blog", "--conf", _lake.ConfDirectory);

        Assert.Equal(0, exitCode);
        Assert.Contains("-- ===== blog.posts: bronze (duckdb) =====", output, StringComparison.Ordinal);
        Assert.Contains("TRY_CAST(__f_0 AS BIGINT) AS \"id\"", output, StringComparison.Ordinal);
        Assert.Contains("-- ===== blog.posts: silver (duckdb) =====", output, StringComparison.Ordinal);
        Assert.Contains("\"id\" IS NULL", output, StringComparison.Ordinal);
        Assert.DoesNotContain("(spark)", output, StringComparison.Ordinal);
        // Only bronze files trade dictionaries of many values for write speed; silver's are read by analysts.
        var silverStart = output.IndexOf("silver (duckdb)", StringComparison.Ordinal);
        Assert.Contains("DICTIONARY_SIZE_LIMIT 256", output[..silverStart], StringComparison.Ordinal);
        Assert.DoesNotContain("DICTIONARY_SIZE_LIMIT", output[silverStart..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_UnknownEngine_ExitsTwoListingTheEngines()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("plan", "blog", "--engine", "hive", "--conf", _lake.ConfDirectory);

        Assert.Equal(2, exitCode);
        Assert.Contains("Argument 'hive' not recognized. Must be one of:", error, StringComparison.Ordinal);
        Assert.Contains("'spark'", error, StringComparison.Ordinal);
    }
}
