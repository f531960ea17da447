using System.Text.Json.Nodes;
using Medallion.Testing;

namespace Medallion.Cli.Tests.Faults;

/// <summary>
/// Kills a real <c>medallion</c> process (SIGKILL, through the test-only <c>MEDALLION_FAULT_AT</c>)
/// at each step of a run and its promotion, then checks that <c>current/</c> is readable and
/// equals its last promotion (or the new one where the commit landed), and that running the
/// same key again finishes the job without duplicate rows.
/// </summary>
public sealed class ProcessKillTests : IDisposable
{
    private static readonly string[] First = ["a:1.00:r1", "b:2.00:r1"];
    private static readonly string[] Second = ["a:1.00:r1", "b:3.00:r2", "c:4.00:r2"];
    private readonly TestLake _lake = new();

    public void Dispose() => _lake.Dispose();

    [Theory]
    [InlineData("run-before-success", false)]
    [InlineData("promote-copying", false)]
    [InlineData("promote-before-commit", false)]
    [InlineData("promote-after-commit", true)]
    public async Task Run_KilledAtStep_LeavesCurrentWholeAndTheSameKeyFinishes(string faultPoint, bool commitLanded)
    {
        SalesDataset.WriteTo(_lake);
        SalesDataset.WriteRaw(_lake, "a,1.00,2024-01-05", "b,2.00,2024-02-05");
        Assert.Equal(0, (await CliRunner.RunAsync("run", "sales", "--run-key", "r1", "--conf", _lake.ConfDirectory)).ExitCode);
        SalesDataset.WriteRaw(_lake, "b,3.00,2024-02-09", "c,4.00,2024-03-01");

        var killed = await RunChildAsync(faultPoint, "run", "sales", "--run-key", "r2", "--conf", _lake.ConfDirectory, "--lease-expiry", "1");

        Assert.True(killed.ExitCode == 137, $"expected SIGKILL (137), got {killed.ExitCode}: {killed.Error}");
        Assert.Equal(commitLanded ? Second : First, SalesDataset.CurrentRows(_lake));
        if (faultPoint == "run-before-success")
        {
            // Killed while it held the run key: the key is free once the lease expires (promotion runs after the release).
            await Leases.RunKeyRaceTests.WaitForLeaseToExpireAsync(_lake, new Jobs.Lake.LakeLayout("sales", "orders", "v1"), "r2");
        }

        var again = await RunChildAsync(faultPoint: null, "run", "sales", "--run-key", "r2", "--conf", _lake.ConfDirectory);
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Equal(Second, SalesDataset.CurrentRows(_lake));
        var latest = JsonNode.Parse(File.ReadAllText(Path.Combine(_lake.LakeRoot, SalesDataset.Latest)))!;
        Assert.Equal(("r2", 2L), ((string?)latest["runKey"], (long?)latest["sequence"]));
        Assert.Equal(1, _lake.Snapshot(SalesDataset.Current).Version);
    }

    private static Task<(int ExitCode, string Output, string Error)> RunChildAsync(string? faultPoint, params string[] args) =>
        MedallionProcess.RunAsync(new Dictionary<string, string> { ["MEDALLION_FAULT_AT"] = faultPoint ?? string.Empty }, args);
}
