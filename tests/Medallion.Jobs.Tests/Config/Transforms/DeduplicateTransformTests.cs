using Medallion.Jobs.Config;
using Medallion.Jobs.Plan;
using Medallion.Jobs.Sql;
using Medallion.Jobs.Tests.Engine;
using Medallion.Testing;

namespace Medallion.Jobs.Tests.Config.Transforms;

/// <summary>Issue 12 item 7: duplicates are decided after the rules, among the rows that pass them.</summary>
public sealed class DeduplicateTransformTests : IDisposable
{
    private const string Yaml = """
        dataset: accounts
        tables:
          - name: accounts
            source: { path: accounts/*.csv, format: csv }
            columns:
              - { name: id, type: string }
              - { name: modified, type: date }
              - { name: balance, type: long }
            transforms:
              - deduplicate: { key: [id], order_by: modified }
              - rename: { id: account_id }
            rules:
              - range: { column: balance, min: 0 }
              - unique: { columns: [account_id] }
        """;

    private readonly TestLake _lake = new();

    public void Dispose() => _lake.Dispose();

    /// <summary>
    /// Account 1's latest row breaks the range rule: it is quarantined, and the older valid row
    /// stays in silver instead of having been dropped as its duplicate (the key vanished before).
    /// The unique rule on the same key checks the kept rows only, so it breaks no row.
    /// </summary>
    [Fact]
    public async Task RunSilver_LatestRowOfAKeyQuarantined_KeepsTheOlderValidRow()
    {
        var silver = await DuckDbTableRun.RunAsync(_lake, Yaml, "accounts/day1.csv",
            "id,modified,balance\n" +
            "1,2026-01-01,10\n" +
            "1,2026-02-01,-5\n" +   // the latest row of account 1, quarantined by range_balance
            "2,2026-01-01,20\n" +
            "2,2026-03-01,30\n" +   // the latest valid row of account 2: kept
            "2,2026-02-01,25\n" +
            "3,2026-01-01,-1\n");   // account 3's only row, quarantined

        Assert.True(silver.Reconciles);
        Assert.Equal((6L, 2L, 2L, 2L), (silver.RowsRead, silver.RowsWritten, silver.Quarantined, silver.DuplicatesRemoved));
        Assert.Equal(2, silver.RuleFailures["range_balance"]);
        Assert.Equal(0, silver.RuleFailures["unique_account_id"]);
        Assert.Equal(
            [["1", "2026-01-01", "10"], ["2", "2026-03-01", "30"]],
            _lake.Query(DuckDbTableRun.SilverRun("accounts", "accounts"), "SELECT account_id, CAST(modified AS VARCHAR), balance FROM t ORDER BY account_id"));
    }

    /// <summary>Spark renders the same decision: the window ranks valid rows only, on the key as it was at the step.</summary>
    [Fact]
    public void Render_Spark_DeduplicatesAmongTheRowsThatPassTheRules()
    {
        var dataset = ConfigLoader.LoadDataset(_lake.WriteDataset("accounts", Yaml));
        var sut = new SilverSqlRenderer(SparkDialect.Instance);

        var sql = sut.Render(PlanCompiler.Compile(dataset, dataset.Tables[0]), "bronze_input").Sql;

        Assert.Contains("`id` AS `__dedup_0_k0`,\n    `modified` AS `__dedup_0_by`", sql, StringComparison.Ordinal);
        Assert.Contains("(`__live` AND NOT `__rule_0`) AS `__valid`", sql, StringComparison.Ordinal);
        Assert.Contains(
            "((`__valid`) AND `__dedup_0_k0` IS NOT NULL AND row_number() OVER (PARTITION BY (`__valid`), `__dedup_0_k0` " +
            "ORDER BY `__dedup_0_by` DESC NULLS LAST, `_record_number` DESC) > 1) AS `__duplicate_0`",
            sql, StringComparison.Ordinal);
        Assert.Contains("WHERE (`__valid` AND NOT `__duplicate_0`) GROUP BY `account_id`", sql, StringComparison.Ordinal);
        Assert.Contains(
            "WHEN `__rule_0` THEN 'quarantine' WHEN `__duplicate_0` THEN 'duplicate' WHEN `__rule_1` THEN 'quarantine' ELSE 'silver' END",
            sql, StringComparison.Ordinal);
    }
}
