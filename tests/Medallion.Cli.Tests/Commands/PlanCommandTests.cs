using Medallion.Testing;

namespace Medallion.Cli.Tests.Commands;

public sealed partial class PlanCommandTests : IDisposable
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
        Assert.Contains("THEN try_cast(__f_0 AS BIGINT) END AS `id`", output, StringComparison.Ordinal);
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
        Assert.Contains("THEN TRY_CAST(__f_0 AS BIGINT) END AS \"id\"", output, StringComparison.Ordinal);
        Assert.Contains("-- ===== blog.posts: silver (duckdb) =====", output, StringComparison.Ordinal);
        Assert.Contains("\"id\" IS NULL", output, StringComparison.Ordinal);
        Assert.DoesNotContain("(spark)", output, StringComparison.Ordinal);
        // Only bronze files trade dictionaries of many values for write speed; silver's are read by analysts.
        var silverStart = output.IndexOf("silver (duckdb)", StringComparison.Ordinal);
        Assert.Contains("DICTIONARY_SIZE_LIMIT 256", output[..silverStart], StringComparison.Ordinal);
        Assert.DoesNotContain("DICTIONARY_SIZE_LIMIT", output[silverStart..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_SparkEnvironment_PrintsTheSparkScriptUnlessTheEngineIsGiven()
    {
        // A spark environment needs no aws: block to be described: nothing is reached.
        File.AppendAllText(Path.Combine(_lake.ConfDirectory, "medallion.yaml"), $$"""

              prod:
                lake_root: s3://acme-lake/medallion
                raw_root: s3://acme-raw/landing
                engine: spark

            """);

        var spark = await CliRunner.RunAsync("plan", "blog", "--env", "prod", "--conf", _lake.ConfDirectory);
        var duckDb = await CliRunner.RunAsync("plan", "blog", "--env", "prod", "--engine", "duckdb", "--conf", _lake.ConfDirectory);

        Assert.Equal((0, ""), (spark.ExitCode, spark.Error));
        Assert.Contains("-- ===== blog.posts: bronze (spark) =====", spark.Output, StringComparison.Ordinal);
        Assert.Contains("FROM delta.`s3://acme-lake/medallion/bronze/blog/posts/schema_v=1` WHERE _run_key = 'run-key';", spark.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("(duckdb)", spark.Output, StringComparison.Ordinal);
        Assert.Equal(0, duckDb.ExitCode);
        Assert.Contains("-- ===== blog.posts: silver (duckdb) =====", duckDb.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("(spark)", duckDb.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_UnknownEngine_ExitsTwoListingTheEngines()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("plan", "blog", "--engine", "hive", "--conf", _lake.ConfDirectory);

        Assert.Equal(2, exitCode);
        Assert.Contains("Argument 'hive' not recognized. Must be one of:", error, StringComparison.Ordinal);
        Assert.Contains("'spark'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_Step_PrintsOnlyThatStepsStatementsWithTheirComment()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("plan", "blog", "--step", "routed", "--conf", _lake.ConfDirectory);

        Assert.Equal((0, ""), (exitCode, error));
        Assert.Contains("-- ===== blog.posts: silver (duckdb) =====", output, StringComparison.Ordinal);
        Assert.Contains("CREATE OR REPLACE TEMP VIEW routed AS", output, StringComparison.Ordinal);
        Assert.DoesNotContain("COPY (", output, StringComparison.Ordinal);
        Assert.DoesNotContain("-- ===== blog.posts: bronze", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_UnknownStep_ExitsTwoListingTheSteps()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("plan", "blog", "--step", "nope", "--conf", _lake.ConfDirectory);

        Assert.Equal(2, exitCode);
        Assert.Contains("No step 'nope' in this plan. Steps: ", error, StringComparison.Ordinal);
        Assert.Contains("routed", error, StringComparison.Ordinal);
        Assert.Contains("copy", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("duckdb")]
    [InlineData("spark")]
    public async Task Plan_Width_FoldsLongLinesChangingOnlyWhitespace(string engine)
    {
        var plain = await CliRunner.RunAsync("plan", "blog", "--engine", engine, "--conf", _lake.ConfDirectory);
        var (exitCode, folded, _) = await CliRunner.RunAsync("plan", "blog", "--engine", engine, "--width", "80", "--conf", _lake.ConfDirectory);

        Assert.Equal(0, exitCode);
        Assert.Contains(plain.Output.Split('\n'), line => line.Length > 80);
        // A line stays longer only when it is one token that cannot be split (a quoted path) after its indent.
        Assert.All(folded.Split('\n'), line => Assert.True(line.Length <= 80 || !Quoted().Replace(line.Trim().TrimStart('-').Trim(), "").Contains(' ', StringComparison.Ordinal), line));
        // Never inside a string literal: every SQL line still closes the quotes it opens (comments are prose).
        Assert.All(folded.Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal)), line => Assert.True(line.Count(c => c == '\'') % 2 == 0, line));
        // Folding changes whitespace only (a folded comment line continues with "--").
        Assert.Equal(Tokens(plain.Output), Tokens(folded));
    }

    /// <summary>The text as tokens between whitespace, comment markers left out: folding must not change them.</summary>
    private static string[] Tokens(string text) => [.. text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Where(t => t != "--")];

    [System.Text.RegularExpressions.GeneratedRegex("'[^']*'|\"[^\"]*\"|`[^`]*`")]
    private static partial System.Text.RegularExpressions.Regex Quoted();
}
