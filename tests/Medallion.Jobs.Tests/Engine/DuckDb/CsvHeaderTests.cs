using Medallion.Jobs.Tests.Engine;
using Medallion.Testing;

namespace Medallion.Jobs.Tests.Engine.DuckDb;

/// <summary>Issue 12 item 6: a CSV file that lacks declared columns.</summary>
public sealed class CsvHeaderTests : IDisposable
{
    private const string Yaml = """
        dataset: orders
        tables:
          - name: orders
            source: { path: orders/*.csv, format: csv }
            columns:
              - { name: id, type: string }
              - { name: amount, type: long }
              - { name: channel, type: string }
              - { name: region, type: string, required: false }
        """;

    private readonly TestLake _lake = new();

    public void Dispose() => _lake.Dispose();

    [Fact]
    public async Task RunBronze_RequiredColumnsMissing_FailsWithOneLineNamingTheFileAndEveryMissingColumn()
    {
        var error = await Assert.ThrowsAsync<MedallionException>(() => DuckDbTableRun.RunAsync(_lake, Yaml, "orders/day1.csv", "id\n1\n"));

        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains("day1.csv: the header lacks `amount`, `channel`, declared by table `orders`", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("`region`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunSilver_OptionalColumnMissing_ReadsNull()
    {
        var silver = await DuckDbTableRun.RunAsync(_lake, Yaml, "orders/day1.csv", "channel,id,amount\nweb,1,10\n");

        Assert.Equal(1, silver.RowsWritten);
        Assert.Equal([["1", "10", "web", "NULL"]], _lake.Query(DuckDbTableRun.SilverRun("orders", "orders"), "SELECT id, amount, channel, region FROM t"));
    }
}
