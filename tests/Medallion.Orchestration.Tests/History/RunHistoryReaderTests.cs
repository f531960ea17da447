using Medallion.Jobs.Lake;
using Medallion.Orchestration.History;
using Medallion.Orchestration.Ledger;

namespace Medallion.Orchestration.Tests.History;

public sealed class RunHistoryReaderTests : IDisposable
{
    private readonly HistoryLake _lake = new();

    public void Dispose() => _lake.Dispose();

    /// <summary>Issue 14: run metadata and quality metrics lived only in per-run _run.json files nobody could query.</summary>
    [Fact]
    public async Task ReadAsync_AfterThreeRuns_ThreeRowsPerTableWhoseCountsEqualEachLedger()
    {
        await _lake.RunAsync("h1", badShare: 0.02, seed: 1);
        await _lake.RunAsync("h2", badShare: 0.05, seed: 2);
        await _lake.RunAsync("h3", badShare: 0.20, seed: 3);

        var sut = await new RunHistoryReader(_lake.Store).ReadAsync(HistoryLake.Dataset);

        var tables = _lake.Configuration.FindDataset(HistoryLake.Dataset)!.Tables;
        Assert.Equal(3 * tables.Count, sut.Count);
        Assert.Equal(["h3", "h2", "h1"], sut.Select(r => r.RunKey).Distinct());
        foreach (var table in tables)
        {
            var rows = sut.Where(r => r.Table == table.Name).ToList();
            Assert.Equal(["h3", "h2", "h1"], rows.Select(r => r.RunKey));
            foreach (var row in rows)
            {
                var ledger = (await new RunLedger(_lake.Store).ReadAsync(new LakeLayout(HistoryLake.Dataset, table.Name, table.SchemaVersion), row.RunKey))!;
                var silver = ledger.Silver!;
                // The row is the run as it ended (promoted); the ledger moves on (superseded by the next run).
                Assert.Equal(RunLedgerEntry.Promoted, row.Status);
                Assert.Contains(ledger.StatusHistory, s => s.Status == RunLedgerEntry.Promoted);
                Assert.Equal(
                    (silver.RowsRead, silver.RowsWritten, silver.Quarantined, silver.DuplicatesRemoved, silver.Filtered, silver.Malformed, ledger.Bronze!.RowsRead, (long)ledger.InputFiles.Count),
                    (row.RowsRead, row.SilverRows, row.Quarantined, row.DuplicatesRemoved, row.Filtered, row.Malformed, row.BronzeRowsRead, row.InputFiles));
                Assert.Equal(silver.RuleFailures.OrderBy(r => r.Key), row.RuleFailures.OrderBy(r => r.Key));
                Assert.Equal(ledger.PromotedVersion, row.PromotedVersion);
                Assert.Equal(ledger.StartedAt, row.StartedAt);
                Assert.True(row.ValidationPassed);
                Assert.Equal("passed", row.ValidationChecks["counts_reconcile"]);
            }
        }

        Assert.Contains(sut, r => r.Quarantined > 0);
        Assert.DoesNotContain(_lake.Reporter.Warnings, w => w.Contains("run history", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_OneTable_OnlyItsRows()
    {
        await _lake.RunAsync("h1", badShare: 0.02, seed: 1);

        var sut = await new RunHistoryReader(_lake.Store).ReadAsync(HistoryLake.Dataset, "posts");

        Assert.Equal("posts", Assert.Single(sut).Table);
    }

    [Fact]
    public async Task ReadAsync_NoHistoryYet_Empty()
    {
        Assert.Empty(await new RunHistoryReader(_lake.Store).ReadAsync(HistoryLake.Dataset));
    }
}
