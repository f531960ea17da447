using Medallion.Jobs.Config;
using Medallion.Jobs.Plan;
using Medallion.Jobs.Sql;
using Medallion.Testing;

namespace Medallion.Jobs.Tests.Sql;

/// <summary>
/// The implicit rule <c>partition_&lt;column&gt;</c> is tested per row only where a value can be too long
/// for a folder name: an int, long or boolean partition never is, so its rule is rendered FALSE.
/// </summary>
public sealed class PartitionRuleRenderingTests : IDisposable
{
    private const string Yaml = """
        dataset: shop
        tables:
          - name: orders
            source: { path: orders/*.csv, format: csv }
            columns:
              - { name: id, type: string }
              - { name: n, type: int }
              - { name: big, type: long }
              - { name: flag, type: boolean }
              - { name: region, type: string }
              - { name: day, type: date }
            partition_by: [n, big, flag, region, day]
        """;

    private readonly TestLake _lake = new();

    public void Dispose() => _lake.Dispose();

    [Theory]
    [InlineData("duckdb", "(\"__live\" AND FALSE) AS \"__rule_partition_{0}\"")]
    [InlineData("spark", "(`__live` AND FALSE) AS `__rule_partition_{0}`")]
    public void Render_IntegerOrBooleanPartition_RulesCannotBreak(string dialect, string never)
    {
        var query = Render(dialect);

        foreach (var column in new[] { "n", "big", "flag" })
        {
            Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, never, column), query, StringComparison.Ordinal);
        }

        foreach (var column in new[] { "region", "day" })
        {
            Assert.DoesNotContain(string.Format(System.Globalization.CultureInfo.InvariantCulture, never, column), query, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_TextAndDatePartitions_StillMeasureTheFolderName()
    {
        var query = Render("duckdb");

        Assert.Contains("regexp_replace(CAST(\"region\" AS VARCHAR), '[A-Za-z0-9._-]', '', 'g')", query, StringComparison.Ordinal);
        Assert.Contains("regexp_replace(CAST(\"day\" AS VARCHAR), '[A-Za-z0-9._-]', '', 'g')", query, StringComparison.Ordinal);
        Assert.DoesNotContain("CAST(\"n\" AS VARCHAR)", query, StringComparison.Ordinal);
    }

    private string Render(string dialect)
    {
        var dataset = ConfigLoader.LoadDataset(_lake.WriteDataset("shop", Yaml));
        var sut = new SilverSqlRenderer(dialect == "spark" ? SparkDialect.Instance : DuckDbDialect.Instance);
        return sut.Render(PlanCompiler.Compile(dataset, dataset.Tables[0]), "bronze_input").Sql;
    }
}
