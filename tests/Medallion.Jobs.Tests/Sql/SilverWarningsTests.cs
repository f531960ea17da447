using Medallion.Jobs.Config;
using Medallion.Jobs.Engine;
using Medallion.Jobs.Engine.Spark;
using Medallion.Jobs.Plan;
using Medallion.Jobs.Tests.Engine;
using Medallion.Testing;

namespace Medallion.Jobs.Tests.Sql;

/// <summary>Issue 12 item 8: silver rows carry <c>_warnings</c>, the names of the warn rules they broke.</summary>
public sealed class SilverWarningsTests : IDisposable
{
    private const string Yaml = """
        dataset: orders
        tables:
          - name: orders
            source: { path: orders/*.csv, format: csv }
            columns:
              - { name: id, type: string }
              - { name: amount, type: long }
              - { name: note, type: string }
            rules:
              - not_null: { column: note }
                severity: warn
              - range: { column: amount, max: 100 }
                name: large_amount
                severity: warn
              - range: { column: amount, min: 0 }
        """;

    private readonly TestLake _lake = new();

    public void Dispose() => _lake.Dispose();

    [Fact]
    public async Task RunSilver_WarnRulesBroken_ListsThemOnTheSilverRow()
    {
        var silver = await DuckDbTableRun.RunAsync(_lake, Yaml, "orders/day1.csv",
            "id,amount,note\n" +
            "1,10,ok\n" +
            "2,500,\n" +       // both warn rules
            "3,500,big\n" +    // one warn rule
            "4,-1,\n");        // quarantined: its warnings are in _rule_failures, not in silver

        Assert.True(silver.Reconciles);
        Assert.Equal((3L, 1L), (silver.RowsWritten, silver.Quarantined));
        Assert.Equal(
            [["1", "[]"], ["2", "[not_null_note, large_amount]"], ["3", "[large_amount]"]],
            _lake.Query(DuckDbTableRun.SilverRun("orders", "orders"), "SELECT id, CAST(_warnings AS VARCHAR) FROM t ORDER BY id"));
        Assert.Equal([["VARCHAR[]"]], _lake.Query(DuckDbTableRun.SilverRun("orders", "orders"), "SELECT DISTINCT typeof(_warnings) FROM t"));
    }

    [Fact]
    public async Task RunSilver_NoWarnRules_WritesAnEmptyList()
    {
        var yaml = Yaml[..Yaml.IndexOf("      - not_null", StringComparison.Ordinal)] + "      - range: { column: amount, min: 0 }\n";

        await DuckDbTableRun.RunAsync(_lake, yaml, "orders/day1.csv", "id,amount,note\n1,10,ok\n2,-1,\n");

        Assert.Equal([["1", "[]"]], _lake.Query(DuckDbTableRun.SilverRun("orders", "orders"), "SELECT id, CAST(_warnings AS VARCHAR) FROM t"));
    }

    /// <summary>The Spark job writes the same column, from the same routed query, and the Delta schema has it last.</summary>
    [Fact]
    public void SilverRows_Spark_SelectsTheWarnRulesTheRowBroke()
    {
        var dataset = ConfigLoader.LoadDataset(_lake.WriteDataset("orders", Yaml));
        var plan = PlanCompiler.Compile(dataset, dataset.Tables[0]);
        var sut = new SparkSilverSql(plan);

        Assert.Contains(
            "filter(array(CASE WHEN `__rule_0` THEN 'not_null_note' END, CASE WHEN `__rule_1` THEN 'large_amount' END), __rule -> __rule IS NOT NULL) AS `_warnings`",
            sut.Query.Sql, StringComparison.Ordinal);
        Assert.EndsWith("`_ingested_at`, `_warnings` FROM routed WHERE __disposition = 'silver'", sut.SilverRows(), StringComparison.Ordinal);
        Assert.Equal("_warnings", LakeSchemas.Silver(plan).Fields[^1].Name);
    }
}
