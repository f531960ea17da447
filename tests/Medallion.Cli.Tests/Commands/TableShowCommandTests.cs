using System.Text.Json;
using Medallion.Testing;

namespace Medallion.Cli.Tests.Commands;

/// <summary><c>medallion table show</c> on the mortgage sample after one run: every layer, the formats, and the <c>--where</c> gate.</summary>
public sealed class TableShowCommandTests : IAsyncLifetime
{
    private readonly TestLake _lake = new();

    public async Task InitializeAsync()
    {
        MortgageSample.WriteTo(_lake);
        var (exitCode, _, error) = await CliRunner.RunAsync("run", MortgageSample.Dataset, "--run-key", "r1", "--conf", _lake.ConfDirectory);
        Assert.True(exitCode == 0, error);
    }

    public Task DisposeAsync()
    {
        _lake.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Show_QuarantineLimitFive_PrintsFiveRowsBrokenRulesFirst()
    {
        var (exitCode, output, error) = await Show("--layer", "quarantine", "--limit", "5");

        Assert.True(exitCode == 0, error);
        var lines = output.Split('\n');
        var header = lines.First(l => l.Contains("_rule_failures", StringComparison.Ordinal));
        Assert.True(
            header.IndexOf("_rule_failures", StringComparison.Ordinal) < header.IndexOf("transaction_id", StringComparison.Ordinal),
            header);
        Assert.Contains("5 row(s) of", output, StringComparison.Ordinal);
        Assert.Contains("--limit 5 reached", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_QuarantineJson_ParsesWithFiveRowsEachNamingItsBrokenRules()
    {
        var (exitCode, output, error) = await Show("--layer", "quarantine", "--limit", "5", "--json");

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(5, rows.Count);
        Assert.All(rows, row =>
        {
            Assert.Equal("_rule_failures", row.EnumerateObject().First().Name);
            Assert.True(row.GetProperty("_rule_failures").GetArrayLength() > 0, row.ToString());
            Assert.Equal("r1", row.GetProperty("_run_key").GetString());
        });
    }

    [Fact]
    public async Task Show_QuarantineWhereOnARule_ReturnsExactlyThatRulesRows()
    {
        var (exitCode, output, error) = await Show(
            "--layer", "quarantine", "--where", "list_contains(_rule_failures, 'accepted_values_currency')", "--limit", "100", "--json");

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        // samples/mortgage_transactions/_expected.json: 13 rows break accepted_values_currency.
        Assert.Equal(13, json.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Show_CurrentCsvWithColumns_PrintsHeaderAndTypedValues()
    {
        var (exitCode, output, error) = await Show(
            "--columns", "transaction_id,transaction_amount", "--where", "transaction_amount > 0", "--limit", "3", "--csv");

        Assert.True(exitCode == 0, error);
        var lines = output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("transaction_id,transaction_amount", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.All(lines[1..], line => Assert.Matches(@"^[^,]+,\d+\.\d{2}$", line));
    }

    [Fact]
    public async Task Show_BronzeCount_MatchesRowsRead()
    {
        var (exitCode, output, error) = await Show("--layer", "bronze", "--columns", "_record_number", "--limit", "100000", "--json");

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(MortgageSample.RowsRead, json.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Show_TableFolder_ReadsAnyDeltaTable()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync(
            "table", "show", Path.Combine(_lake.LakeRoot, "silver", "mortgage_transactions", "transactions", "schema_v=1", "runs", "run_key=r1"),
            "--limit", "2", "--json");

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(2, json.RootElement.GetArrayLength());
        Assert.True(json.RootElement[0].TryGetProperty("event_year", out _), output);
    }

    [Theory]
    [InlineData("1=1; DROP TABLE t")]
    [InlineData("1=1) UNION ALL SELECT * FROM t WHERE (1=1")]
    [InlineData("1=1) ORDER BY (1")]
    [InlineData("currency = ")]
    public async Task Show_WhereNotOneCondition_ExitsTwoAndReadsNothing(string where)
    {
        var (exitCode, output, error) = await Show("--where", where);

        Assert.Equal(2, exitCode);
        Assert.Contains("--where", error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task Show_WhereReadingAnotherFile_IsRefusedByTheDatasetSqlCheck()
    {
        var secret = Path.Combine(_lake.Root, "secret.csv");
        await File.WriteAllTextAsync(secret, "a\n1\n");

        var (exitCode, output, error) = await Show("--where", $"EXISTS (SELECT * FROM read_csv('{secret}'))");

        Assert.Equal(2, exitCode);
        // The same check as a dataset's derive/filter/expression: a subquery reading a table function is refused before it runs.
        Assert.Contains("--where must be one SQL condition", error, StringComparison.Ordinal);
        Assert.Contains("read_csv", error, StringComparison.Ordinal);
        Assert.DoesNotContain("\n1\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("transaction_id", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_UnknownColumn_ExitsTwoListingTheColumns()
    {
        var (exitCode, _, error) = await Show("--columns", "nope");

        Assert.Equal(2, exitCode);
        Assert.Contains("No column 'nope'", error, StringComparison.Ordinal);
        Assert.Contains("transaction_id", error, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output, string Error)> Show(params string[] args) =>
        CliRunner.RunAsync(["table", "show", MortgageSample.Dataset, .. args, "--conf", _lake.ConfDirectory]);
}
