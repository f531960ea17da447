using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using Medallion.Orchestration.Promotion;

namespace Medallion.Orchestration.Tests.Promotion.Merge;

/// <summary>A merge's cost follows the rows of the files it touches, not the table: checked on a million rows.</summary>
public sealed class MergeScaleTests : IDisposable
{
    private const int Rows = 1_000_000;
    private const int FileRows = 50_000;

    private readonly CustomersLake _sut = new("{ mode: merge, order_by: version }", fileRows: FileRows);

    public void Dispose() => _sut.Dispose();

    [Fact]
    public async Task PromoteAsync_OnePercentOfKeysChanged_RewritesOnlyTheFilesHoldingThem()
    {
        WriteRaw($"SELECT range AS id, 'name ' || range AS name, 1 AS version, NULL AS op FROM range({Rows})");
        await _sut.RunRawAsync("r1");
        var first = await _sut.PromoteAsync("r1");
        var before = _sut.Snapshot();
        Assert.Equal(Rows / FileRows, before.Files.Count);
        Assert.Equal(new MergeCounts(Rows, 0, 0, 0), first.Record.Counts.Merge);

        // 1 % of the keys, in a range that straddles two files of the sorted table.
        WriteRaw("SELECT range AS id, 'renamed ' || range AS name, 2 AS version, NULL AS op FROM range(445000, 455000)");
        await _sut.RunRawAsync("r2");
        var result = await _sut.PromoteAsync("r2");

        var (removed, added) = Actions(result.Record.CurrentVersion);
        var holding = before.Files.Where(f => Bound(f, "minValues") <= 454_999 && Bound(f, "maxValues") >= 445_000).Select(f => f.Path).Order().ToList();
        Assert.Equal(2, holding.Count);
        Assert.Equal(holding, removed.Order());
        Assert.Equal(2 * FileRows, added.Sum(a => a["stats"] is { } stats ? (long)JsonNode.Parse((string)stats!)!["numRecords"]! : 0));
        Assert.Equal(before.Files.Select(f => f.Path).Except(holding).Order(), _sut.Snapshot().Files.Select(f => f.Path).Except(added.Select(a => (string)a["path"]!)).Order());
        Assert.Equal(new MergeCounts(Inserted: 0, Updated: 10_000, Deleted: 0, Unchanged: Rows - 10_000), result.Record.Counts.Merge);
        Assert.Equal([$"{Rows}", "10000"], _sut.Lake.Query(CustomersLake.Current, "SELECT count(*), count(*) FILTER (version = 2 AND name LIKE 'renamed %') FROM t")[0]);
    }

    /// <summary>Writes the rows of <paramref name="query"/> (id, name, version, op) as the raw CSV, with DuckDB.</summary>
    private void WriteRaw(string query)
    {
        var path = Path.Combine(_sut.Lake.RawRoot, "shop", "customers.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"COPY ({query}) TO '{path.Replace("'", "''", StringComparison.Ordinal)}' (HEADER, DELIMITER ',')";
        command.ExecuteNonQuery();
    }

    private static long Bound(Delta.AddFile file, string which) =>
        (which == "minValues" ? file.Stats!.MinValues : file.Stats!.MaxValues)["id"]!.GetValue<long>();

    /// <summary>The paths the commit removed and the add actions it wrote, from its log file.</summary>
    private (List<string> Removed, List<JsonObject> Added) Actions(long version)
    {
        var lines = _sut.Lake.ReadText($"{CustomersLake.Current}/_delta_log/{version:D20}.json").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        return (
            [.. lines.Where(l => l["remove"] is not null).Select(l => Uri.UnescapeDataString((string)l["remove"]!["path"]!))],
            [.. lines.Where(l => l["add"] is not null).Select(l => l["add"]!.AsObject())]);
    }
}
