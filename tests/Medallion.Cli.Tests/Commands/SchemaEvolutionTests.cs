using Medallion.Testing;

namespace Medallion.Cli.Tests.Commands;

/// <summary>
/// Issue 12 item 6: a column added to a table with <c>schema_evolution: add_columns</c> joins the
/// existing bronze, silver and <c>current/</c> tables without a <c>schema_version</c> change.
/// </summary>
public sealed class SchemaEvolutionTests : IDisposable
{
    private const string Current = "silver/orders/orders/schema_v=1/current";

    private readonly TestLake _lake = new();

    public void Dispose() => _lake.Dispose();

    private static string Yaml(string evolution, string extraColumn) => $$"""
        dataset: orders
        tables:
          - name: orders
            {{evolution}}
            source: { path: orders/*.csv, format: csv }
            columns:
              - { name: id, type: string }
              - { name: amount, type: long }
              {{extraColumn}}
            promotion: append
        """;

    [Fact]
    public async Task Run_ColumnAddedWithAddColumns_CurrentGainsItOldRowsReadNullAndInspectShowsTheChange()
    {
        var first = await RunAsync(Yaml("schema_evolution: add_columns", ""), "day1.csv", "id,amount\n1,10\n2,20\n", "r1");
        var second = await RunAsync(
            Yaml("schema_evolution: add_columns", "- { name: channel, type: string }"), "day2.csv", "id,amount,channel\n3,30,web\n", "r2");
        var inspect = await CliRunner.RunAsync("table", "inspect", Path.Combine(_lake.LakeRoot, Current));

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Equal(
            [["1", "10", "NULL"], ["2", "20", "NULL"], ["3", "30", "web"]],
            _lake.Query(Current, "SELECT id, amount, channel FROM t ORDER BY id"));
        Assert.Equal([["NULL"], ["NULL"], ["web"]], _lake.Query("bronze/orders/orders/schema_v=1", "SELECT channel FROM t ORDER BY id"));
        Assert.True(inspect.ExitCode == 0, inspect.Error);
        Assert.Contains("schema history:", inspect.Output, StringComparison.Ordinal);
        Assert.Matches(@"version 0 .*created with 6 columns", inspect.Output);
        Assert.Matches(@"version 1 .*added `channel` \(`string`\)", inspect.Output);
    }

    [Fact]
    public async Task Run_ColumnAddedWithoutSchemaEvolution_FailsShowingTheDifferenceNotTheSchemas()
    {
        await RunAsync(Yaml("", ""), "day1.csv", "id,amount\n1,10\n", "r1");

        var (exitCode, _, error) = await RunAsync(Yaml("", "- { name: channel, type: string }"), "day2.csv", "id,amount,channel\n3,30,web\n", "r2");

        Assert.Equal(1, exitCode);
        Assert.Contains("the configuration added `channel` (`string`)", error, StringComparison.Ordinal);
        Assert.Contains("schema_evolution: add_columns", error, StringComparison.Ordinal);
        Assert.DoesNotContain("\"type\":\"struct\"", error, StringComparison.Ordinal);
        Assert.Equal([["1", "10"]], _lake.Query(Current, "SELECT id, amount FROM t"));
    }

    [Fact]
    public async Task Run_ColumnRetypedWithAddColumns_FailsAskingForANewSchemaVersion()
    {
        await RunAsync(Yaml("schema_evolution: add_columns", ""), "day1.csv", "id,amount\n1,10\n", "r1");

        var (exitCode, _, error) = await RunAsync(
            Yaml("schema_evolution: add_columns", "").Replace("name: amount, type: long", "name: amount, type: string", StringComparison.Ordinal),
            "day2.csv", "id,amount\n3,30\n", "r2");

        Assert.Equal(1, exitCode);
        Assert.Contains("retyped `amount` from `long` to `string`", error, StringComparison.Ordinal);
        Assert.Contains("schema_version", error, StringComparison.Ordinal);
    }

    /// <summary>Each run reads only its own raw file: the earlier one is removed first.</summary>
    private async Task<(int ExitCode, string Output, string Error)> RunAsync(string yaml, string file, string content, string runKey)
    {
        foreach (var old in Directory.GetFiles(_lake.RawRoot, "*.csv", SearchOption.AllDirectories))
        {
            File.Delete(old);
        }

        _lake.WriteDataset("orders", yaml);
        _lake.WriteRaw($"orders/{file}", content);
        return await CliRunner.RunAsync("run", "orders", "--run-key", runKey, "--conf", _lake.ConfDirectory);
    }
}
