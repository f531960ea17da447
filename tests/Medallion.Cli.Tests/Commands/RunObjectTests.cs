using System.Text.Json;
using Medallion.Testing;
using Medallion.Testing.Moto;

namespace Medallion.Cli.Tests.Commands;

/// <summary>
/// <c>medallion run --object</c> (issue 13, D4): exactly the landed object, for the tables whose glob
/// matches it; an object outside the raw root is a usage error before any I/O. Runs on moto (an S3 lake
/// and raw root), as an S3 event names the object.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class RunObjectTests : IDisposable
{
    private readonly TestLake _lake;
    private readonly string _rawUri;

    public RunObjectTests(MotoServer moto)
    {
        _lake = TestLake.OnS3(moto);
        _rawUri = _lake.LakeUri[..^"lake".Length] + "raw";
        SalesDataset.WriteTo(_lake, promotion: "append", ingestion: "incremental");
        Land("day1", "a,1.00,2024-01-05");
        Land("day2", "b,2.00,2024-01-06", "c,3.00,2024-01-06");
    }

    public void Dispose() => _lake.Dispose();

    [Fact]
    public async Task Run_ObjectOnS3_IngestsExactlyThatObject()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync(
            "run", "sales", "--object", $"{_rawUri}/sales/day2.csv", "--run-key", "k1", "--json", "--conf", _lake.ConfDirectory);

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        var table = json.RootElement.GetProperty("tables")[0];
        Assert.Equal(["sales/day2.csv"], table.GetProperty("inputFiles").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("files", table.GetProperty("ingestion").GetProperty("mode").GetString());
        Assert.Equal(2, table.GetProperty("bronze").GetProperty("rowsRead").GetInt64());
        Assert.Equal([["b"], ["c"]], _lake.Query("bronze/sales/orders/schema_v=1", "SELECT id FROM t ORDER BY id"));
        Assert.Equal(["b:2.00:k1", "c:3.00:k1"], SalesDataset.CurrentRows(_lake));
    }

    [Fact]
    public async Task Run_ThenNothingNew_ExitsZeroSayingSoAndSkipsTheGate()
    {
        var first = await CliRunner.RunAsync("run", "sales", "--run-key", "k1", "--conf", _lake.ConfDirectory);
        var (exitCode, output, error) = await CliRunner.RunAsync("run", "sales", "--run-key", "k2", "--json", "--conf", _lake.ConfDirectory);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        var table = json.RootElement.GetProperty("tables")[0];
        Assert.True(table.GetProperty("ingestion").GetProperty("nothingNew").GetBoolean());
        Assert.Equal("k1", table.GetProperty("ingestion").GetProperty("since").GetString());
        Assert.Equal(JsonValueKind.Null, table.GetProperty("validation").ValueKind);
        Assert.Equal(JsonValueKind.Null, table.GetProperty("promotion").ValueKind);
        Assert.Contains("nothing new since run k1", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ObjectOutsideTheRawRoot_IsAUsageErrorBeforeAnyIo()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync(
            "run", "sales", "--object", "s3://another-bucket/raw/sales/day2.csv", "--conf", _lake.ConfDirectory);

        Assert.Equal(2, exitCode);
        Assert.Contains("is not below the raw root", error, StringComparison.Ordinal);
        Assert.False(await _lake.Store.ExistsAsync("bronze/sales/orders/schema_v=1/_delta_log/00000000000000000000.json"));
    }

    private void Land(string name, params string[] rows) =>
        _lake.WriteRaw($"sales/{name}.csv", "id,amount,day\n" + string.Join('\n', rows) + "\n");
}
