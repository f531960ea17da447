using Medallion.Delta;
using Medallion.Testing;
using Medallion.Testing.Moto;

namespace Medallion.Cli.Tests.Commands;

/// <summary>
/// <c>medallion backfill</c> end to end through the real command line (issue 13, item 3): five days
/// of raw files under <c>sales/dt={date}/</c>, on a local lake (<see cref="Local"/>) and on moto
/// (<see cref="OnS3"/>). The crash is a real SIGKILL of a child process after the third slice.
/// </summary>
public abstract class BackfillCommandTests : IDisposable
{
    private const string Current = "silver/sales/orders/schema_v=1/current";
    private static readonly string[] Days = ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"];
    private readonly TestLake _lake;

    private BackfillCommandTests(TestLake lake)
    {
        _lake = lake;
        SalesDataset.WriteDatedTo(_lake);
        for (var i = 0; i < Days.Length; i++)
        {
            _lake.WriteRaw($"sales/dt={Days[i]}/orders.csv", $"id,amount,day\n{i + 1},{i + 1}0.00,{Days[i]}\n");
        }

        // A second file on day 2, so a slice lists several files.
        _lake.WriteRaw("sales/dt=2024-01-02/late.csv", "id,amount,day\n2b,25.00,2024-01-02\n");
    }

    public void Dispose()
    {
        _lake.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Backfill_DryRun_PrintsEachSliceWithItsFilesAndWritesNothing()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync(
            "backfill", "sales", "--from", "2024-01-02", "--to", "2024-01-04", "--dry-run", "--conf", _lake.ConfDirectory);

        Assert.True(exitCode == 0, error);
        Assert.Equal(
            [
                "backfill-2024-01-02  2 file(s)",
                "  sales/dt=2024-01-02/late.csv",
                "  sales/dt=2024-01-02/orders.csv",
                "backfill-2024-01-03  1 file(s)",
                "  sales/dt=2024-01-03/orders.csv",
                "backfill-2024-01-04  1 file(s)",
                "  sales/dt=2024-01-04/orders.csv",
            ],
            Lines(output));
        Assert.Empty(_lake.List(""));
    }

    [Fact]
    public async Task Backfill_DatedPath_PromotesOneRunKeyPerSliceInOrder()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync(
            "backfill", "sales", "--from", "2024-01-01", "--to", "2024-01-05", "--conf", _lake.ConfDirectory);

        Assert.True(exitCode == 0, error);
        Assert.Equal([.. Days.Select(d => $"backfill-{d}: promoted ({(d == "2024-01-02" ? 2 : 1)} file(s))")], Lines(output).Where(l => l.StartsWith("backfill-", StringComparison.Ordinal)));
        Assert.Equal([.. Days.Select(d => "backfill-" + d)], await PromotionsAsync());
        Assert.Equal(
            ["1:backfill-2024-01-01", "2:backfill-2024-01-02", "2b:backfill-2024-01-02", "3:backfill-2024-01-03", "4:backfill-2024-01-04", "5:backfill-2024-01-05"],
            _lake.Query(Current, "SELECT id || ':' || _run_key FROM t ORDER BY 1").Select(r => r[0]));
    }

    /// <summary>The done-when of issue 13: five slices, the process killed after the third, started again: slices 4 and 5 are promoted, 1 to 3 not again.</summary>
    [Fact]
    public async Task Backfill_KilledAfterSliceThreeThenRestarted_PromotesSlicesFourAndFiveOnly()
    {
        string[] backfill = ["backfill", "sales", "--from", "2024-01-01", "--to", "2024-01-05", "--conf", _lake.ConfDirectory];

        var killed = await MedallionProcess.RunAsync(
            new Dictionary<string, string> { ["MEDALLION_FAULT_AT"] = "backfill-slice-promoted", ["MEDALLION_FAULT_HIT"] = "3" }, backfill);

        Assert.True(killed.ExitCode == 137, $"expected SIGKILL (137), got {killed.ExitCode}: {killed.Error}");
        Assert.Equal(["backfill-2024-01-01", "backfill-2024-01-02", "backfill-2024-01-03"], await PromotionsAsync());

        var restarted = await MedallionProcess.RunAsync(new Dictionary<string, string>(), backfill);

        Assert.True(restarted.ExitCode == 0, restarted.Error);
        Assert.Equal(
            [
                "backfill-2024-01-01: already promoted, skipped",
                "backfill-2024-01-02: already promoted, skipped",
                "backfill-2024-01-03: already promoted, skipped",
                "backfill-2024-01-04: promoted (1 file(s))",
                "backfill-2024-01-05: promoted (1 file(s))",
            ],
            Lines(restarted.Output).Where(l => l.StartsWith("backfill-", StringComparison.Ordinal)));
        Assert.Equal([.. Days.Select(d => "backfill-" + d)], await PromotionsAsync());
        Assert.Equal(
            ["1:backfill-2024-01-01", "2:backfill-2024-01-02", "2b:backfill-2024-01-02", "3:backfill-2024-01-03", "4:backfill-2024-01-04", "5:backfill-2024-01-05"],
            _lake.Query(Current, "SELECT id || ':' || _run_key FROM t ORDER BY 1").Select(r => r[0]));
        // Bronze holds each record once: the restart did not read slices 1 to 3 again.
        Assert.Equal(6, _lake.Count("bronze/sales/orders/schema_v=1"));
    }

    /// <summary>The run keys of the promotion commits of current/, oldest first.</summary>
    private async Task<List<string>> PromotionsAsync()
    {
        var history = await new DeltaTable(_lake.Store, Current).HistoryAsync();
        return [.. history.Where(c => c.Operation == "WRITE").Select(c => c.Extras["runKey"]!.GetValue<string>())];
    }

    private static List<string> Lines(string output) =>
        [.. output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0)];

    /// <summary>A lake and raw root in a local folder.</summary>
    public sealed class Local() : BackfillCommandTests(new TestLake());

    /// <summary>The lake and the raw files in a moto bucket.</summary>
    [Collection(MotoCollection.Name)]
    public sealed class OnS3(MotoServer moto) : BackfillCommandTests(TestLake.OnS3(moto));
}
