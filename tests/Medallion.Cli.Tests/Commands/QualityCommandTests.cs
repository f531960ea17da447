using System.Text.Json.Nodes;
using Medallion.Cli.Commands;
using Medallion.Testing;

namespace Medallion.Cli.Tests.Commands;

/// <summary><c>medallion quality</c> and <c>medallion runs --history</c> over the run history three runs leave.</summary>
public sealed class QualityCommandTests : IDisposable
{
    private readonly TestLake _lake = new();

    public QualityCommandTests()
    {
        SalesDataset.WriteTo(_lake, "min_rows: 1, max_quarantine_ratio: 0.5");
    }

    public void Dispose() => _lake.Dispose();

    [Fact]
    public async Task Quality_ThreeRuns_PrintsShareAndTopRulesPerRunAndMarksTheJump()
    {
        await RunThreeAsync();

        var (exitCode, output, error) = await Cli("quality", "sales");

        Assert.True(exitCode == 0, error);
        var lines = output.Split('\n');
        Assert.Contains("sales.orders: 3 run(s), newest first", output, StringComparison.Ordinal);
        var q3 = Assert.Single(lines, l => l.Contains(" q3 ", StringComparison.Ordinal));
        var q2 = Assert.Single(lines, l => l.Contains(" q2 ", StringComparison.Ordinal));
        var q1 = Assert.Single(lines, l => l.Contains(" q1 ", StringComparison.Ordinal));
        Assert.True(output.IndexOf(" q3 ", StringComparison.Ordinal) < output.IndexOf(" q1 ", StringComparison.Ordinal), output);
        Assert.Contains("0.00 %", q1, StringComparison.Ordinal);
        Assert.Contains("25.00 %", q2, StringComparison.Ordinal);
        Assert.Contains("25.00 %", q3, StringComparison.Ordinal);
        Assert.Contains(QualityCommand.JumpMarker, q2, StringComparison.Ordinal);
        Assert.DoesNotContain(QualityCommand.JumpMarker, q3, StringComparison.Ordinal);
        Assert.DoesNotContain(QualityCommand.JumpMarker, q1, StringComparison.Ordinal);
        Assert.Contains("not_null_id 1", q2, StringComparison.Ordinal);
        Assert.Contains(" - ", q1, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quality_LastOne_PrintsOnlyTheNewestRun()
    {
        await RunThreeAsync();

        var (_, output, _) = await Cli("quality", "sales", "--last", "1");

        Assert.Contains(" q3 ", output, StringComparison.Ordinal);
        Assert.DoesNotContain(" q2 ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunsJsonHistory_ThreeRuns_RowsCarryTheLedgersCounts()
    {
        await RunThreeAsync();

        var (exitCode, output, error) = await Cli("runs", "sales", "--json", "--history");
        var ledgers = JsonNode.Parse((await Cli("runs", "sales", "--json")).Output)!.AsArray();

        Assert.True(exitCode == 0, error);
        var rows = JsonNode.Parse(output)!.AsArray();
        Assert.Equal(["q3", "q2", "q1"], rows.Select(r => (string)r!["runKey"]!));
        foreach (var row in rows)
        {
            var ledger = ledgers.Single(l => (string)l!["runKey"]! == (string)row!["runKey"]!)!;
            Assert.Equal((long)ledger["silver"]!["rowsRead"]!, (long)row!["rowsRead"]!);
            Assert.Equal((long)ledger["silver"]!["rowsWritten"]!, (long)row["silverRows"]!);
            Assert.Equal((long)ledger["silver"]!["quarantined"]!, (long)row["quarantined"]!);
            Assert.Equal("promoted", (string)row["status"]!);
            Assert.Equal("passed", (string)row["validationChecks"]!["max_quarantine_ratio"]!);
        }
    }

    private async Task RunThreeAsync()
    {
        foreach (var (key, rows) in new[]
        {
            ("q1", new[] { "a,1.00,2024-01-05", "b,2.00,2024-01-06", "c,3.00,2024-01-07", "d,4.00,2024-01-08" }),
            ("q2", new[] { "a,1.00,2024-01-05", ",2.00,2024-01-06", "c,3.00,2024-01-07", "d,4.00,2024-01-08" }),
            ("q3", new[] { "a,1.00,2024-01-05", "b,2.00,2024-01-06", ",3.00,2024-01-07", "d,4.00,2024-01-08" }),
        })
        {
            SalesDataset.WriteRaw(_lake, rows);
            var run = await Cli("run", "sales", "--run-key", key);
            Assert.True(run.ExitCode == 0, run.Error);
        }
    }

    private Task<(int ExitCode, string Output, string Error)> Cli(params string[] args) =>
        CliRunner.RunAsync([.. args, "--conf", _lake.ConfDirectory]);
}
