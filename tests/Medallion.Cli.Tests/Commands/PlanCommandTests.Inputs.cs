using Medallion.Testing;

namespace Medallion.Cli.Tests.Commands;

/// <summary><c>medallion plan --inputs</c> (issue 13, item 5): which raw objects the next run reads, new and changed, on a local lake.</summary>
public sealed partial class PlanCommandTests
{
    [Fact]
    public async Task PlanInputs_IncrementalTable_ListsEveryObjectFirstThenOnlyTheNewAndTheChanged()
    {
        SalesDataset.WriteTo(_lake, promotion: "append", ingestion: "incremental");
        LandSales("day1", "a,1.00,2024-01-05");
        LandSales("day2", "b,2.00,2024-01-06");

        Assert.Equal(
            ["-- sales.orders: ingestion incremental; the next run reads 2 of 2 matching raw object(s): sales/day1.csv, sales/day2.csv"],
            await InputLinesAsync());
        Assert.Empty(_lake.List(""));

        var run = await CliRunner.RunAsync("run", "sales", "--run-key", "k1", "--conf", _lake.ConfDirectory);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(
            ["-- sales.orders: ingestion incremental; nothing new since run k1: the next run reads none of 2 matching raw object(s)"],
            await InputLinesAsync());

        LandSales("day3", "c,3.00,2024-01-07");
        Assert.Equal(
            ["-- sales.orders: ingestion incremental; the next run reads 1 of 3 matching raw object(s): sales/day3.csv"],
            await InputLinesAsync());

        LandSales("day1", "a,1.50,2024-01-05", "d,4.00,2024-01-05");
        Assert.Equal(
            [
                "-- sales.orders: ingestion incremental; the next run reads 2 of 3 matching raw object(s): sales/day1.csv (changed), sales/day3.csv",
                "--   1 changed object(s) are read again: bronze replaces the rows it holds from their earlier version",
            ],
            await InputLinesAsync());
    }

    [Fact]
    public async Task PlanInputs_InputOption_ListsTheObjectsOfThatRawRoot()
    {
        SalesDataset.WriteTo(_lake, promotion: "append", ingestion: "incremental");
        LandSales("day1", "a,1.00,2024-01-05");
        var landing = Path.Combine(_lake.Root, "landing", "sales");
        Directory.CreateDirectory(landing);
        File.WriteAllText(Path.Combine(landing, "other.csv"), "id,amount,day\nb,2.00,2024-01-06\n");

        var (exitCode, output, error) = await CliRunner.RunAsync(
            "plan", "sales", "--inputs", "--input", Path.Combine(_lake.Root, "landing"), "--conf", _lake.ConfDirectory);

        Assert.True(exitCode == 0, error);
        Assert.StartsWith("-- sales.orders: ingestion incremental; the next run reads 1 of 1 matching raw object(s): sales/other.csv\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    private void LandSales(string name, params string[] rows) =>
        _lake.WriteRaw($"sales/{name}.csv", "id,amount,day\n" + string.Join('\n', rows) + "\n");

    /// <summary>The lines <c>--inputs</c> adds before the SQL.</summary>
    private async Task<List<string>> InputLinesAsync()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("plan", "sales", "--inputs", "--conf", _lake.ConfDirectory);
        Assert.True(exitCode == 0, error);
        return [.. output.Split('\n').Select(l => l.TrimEnd('\r')).TakeWhile(l => l.Length > 0)];
    }
}
