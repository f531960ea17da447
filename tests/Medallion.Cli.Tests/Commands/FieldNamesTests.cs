using Medallion.Testing;

namespace Medallion.Cli.Tests.Commands;

/// <summary>
/// Issue 12, item 9: source names that are no identifiers (spaces, dashes, dots) are read with
/// <c>field:</c> under a column name that is one, and <c>medallion datasets</c> says so when they are not.
/// </summary>
public sealed class FieldNamesTests : IDisposable
{
    private readonly TestLake _lake = new();

    public void Dispose() => _lake.Dispose();

    [Fact]
    public async Task Run_CsvHeadersWithSpaceAndDash_AreReadThroughField()
    {
        _lake.WriteDataset("shop", """
            dataset: shop
            tables:
              - name: orders
                source: { path: shop/*.csv, format: csv }
                columns:
                  - { name: order_id, type: string, field: "order id" }
                  - { name: unit_price, type: "decimal(10,2)", field: "unit-price" }
                  - { name: note, type: string, field: "note.text" }
                ingestion: full
                promotion: replace_all
            """);
        _lake.WriteRaw("shop/orders.csv", "order id,unit-price,note.text\nA 1,2.50,first\nA 2,3.00,second\n");

        var (exitCode, _, error) = await Cli("run", "shop", "--run-key", "r1");

        Assert.True(exitCode == 0, error);
        Assert.Equal(
            ["A 1|2.50|first", "A 2|3.00|second"],
            _lake.Query("silver/shop/orders/schema_v=1/current", "SELECT order_id || '|' || CAST(unit_price AS VARCHAR) || '|' || note FROM t ORDER BY 1").Select(r => r[0]));
    }

    [Fact]
    public async Task Run_JsonKeysWithSpaceAndDash_AreReadThroughField()
    {
        _lake.WriteDataset("shop", """
            dataset: shop
            tables:
              - name: orders
                source: { path: shop/*.json, format: json }
                columns:
                  - { name: order_id, type: string, field: "order id" }
                  - { name: unit_price, type: "decimal(10,2)", field: "unit-price" }
                ingestion: full
                promotion: replace_all
            """);
        _lake.WriteRaw("shop/orders.json", """
            {"order id": "A 1", "unit-price": 2.50}
            {"order id": "A 2", "unit-price": 3}
            """);

        var (exitCode, _, error) = await Cli("run", "shop", "--run-key", "r1");

        Assert.True(exitCode == 0, error);
        Assert.Equal(
            ["A 1|2.50", "A 2|3.00"],
            _lake.Query("silver/shop/orders/schema_v=1/current", "SELECT order_id || '|' || CAST(unit_price AS VARCHAR) FROM t ORDER BY 1").Select(r => r[0]));
    }

    [Theory]
    [InlineData("csv", "order id", "order_id")]
    [InlineData("json", "unit-price", "unit_price")]
    public async Task Datasets_ColumnNamedLikeTheSource_ExitsTwoSuggestingField(string format, string written, string suggested)
    {
        _lake.WriteDataset("shop", $$"""
            dataset: shop
            tables:
              - name: orders
                source: { path: "shop/*.{{format}}", format: {{format}} }
                columns:
                  - { name: "{{written}}", type: string }
            """);

        var (exitCode, _, error) = await Cli("datasets");

        Assert.Equal(2, exitCode);
        Assert.Contains($"shop.yaml:6:17: column name `{written}` is not an identifier; name it {suggested} and read it with field: \"{written}\"", error, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output, string Error)> Cli(params string[] args) =>
        CliRunner.RunAsync([.. args, "--conf", _lake.ConfDirectory]);
}
