using Medallion.Jobs.Lake;
using Medallion.Orchestration.Leases;
using Medallion.Orchestration.Ledger;
using Medallion.Testing;
using Medallion.Testing.Moto;

namespace Medallion.Cli.Tests.Leases;

/// <summary>
/// Issue 16: two <c>medallion run</c> processes of one run key at once both exited 0 and promoted every
/// row twice. Real child processes race for the key here, on a local lake (<see cref="Local"/>) and on
/// moto (<see cref="OnS3"/>): one wins, the other fails naming the holder, and <c>current/</c> holds
/// each row once. A killed holder's key is free again once its lease expires.
/// </summary>
public abstract class RunKeyRaceTests(TestLake lake) : IDisposable
{
    private const string Key = "k1";
    private static readonly LakeLayout Orders = new("sales", "orders", "v1");
    private readonly TestLake _lake = lake;

    public void Dispose()
    {
        _lake.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Run_TwoProcessesOfOneKeyAtOnce_OneWinsTheOtherNamesTheHolderAndCurrentHoldsEachRowOnce()
    {
        SalesDataset.WriteTo(_lake);
        SalesDataset.WriteRaw(_lake, "a,1.00,2024-01-05", "b,2.00,2024-02-05", "c,3.00,2024-02-07");
        var gate = Path.Combine(_lake.Root, "gate");
        // Each process stops right after taking the key until the gate opens: whichever wins holds it
        // while the other tries, however the two are scheduled.
        var environment = new Dictionary<string, string>
        {
            ["MEDALLION_FAULT_AT"] = "run-key-leased", ["MEDALLION_FAULT_ACTION"] = "hold", ["MEDALLION_FAULT_GATE"] = gate,
        };
        string[] run = ["run", "sales", "--run-key", Key, "--conf", _lake.ConfDirectory];

        var first = MedallionProcess.RunAsync(environment, run);
        var second = MedallionProcess.RunAsync(environment, run);
        var holders = await WaitForOneToEndOrBothToHoldAsync(gate, first, second);
        await File.WriteAllTextAsync(gate, string.Empty);
        var results = await Task.WhenAll(first, second);

        Assert.True(holders < 2, "both attempts got past taking the run key");
        var winner = Assert.Single(results, r => r.ExitCode == 0);
        var loser = Assert.Single(results, r => r.ExitCode != 0);
        Assert.True(winner.ExitCode == 0, winner.Error);
        Assert.Equal(1, loser.ExitCode);
        Assert.Contains($"sales.orders: another attempt holds run key '{Key}' (host {Environment.MachineName}, pid ", loser.Error, StringComparison.Ordinal);
        Assert.Contains("This attempt wrote nothing.", loser.Error, StringComparison.Ordinal);
        AssertEachRowOnce(3);
        var ledger = await new RunLedger(_lake.Store).ReadAsync(Orders, Key);
        Assert.Equal(RunLedgerEntry.Promoted, ledger!.Status);
        Assert.Equal(3, ledger.Bronze!.RowsWritten);
    }

    [Fact]
    public async Task Run_HolderKilledMidRun_KeyIsUsableOnceItsLeaseExpiresAndTheRunEndsWithEachRowOnce()
    {
        SalesDataset.WriteTo(_lake);
        SalesDataset.WriteRaw(_lake, "a,1.00,2024-01-05", "b,2.00,2024-02-05", "c,3.00,2024-02-07");
        string[] run = ["run", "sales", "--run-key", Key, "--conf", _lake.ConfDirectory, "--lease-expiry", "2"];

        var killed = await MedallionProcess.RunAsync(new Dictionary<string, string> { ["MEDALLION_FAULT_AT"] = "run-silver" }, run);
        Assert.True(killed.ExitCode == 137, $"expected SIGKILL (137), got {killed.ExitCode}: {killed.Error}");
        Assert.Equal(RunLedgerEntry.Running, (await new RunLedger(_lake.Store).ReadAsync(Orders, Key))!.Status);
        await WaitForLeaseToExpireAsync(_lake, Orders, Key);
        var again = await MedallionProcess.RunAsync(new Dictionary<string, string>(), run);

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("stopped without releasing the key", again.Output + again.Error, StringComparison.Ordinal);
        Assert.Contains("Its ledger still says running: that attempt is abandoned", again.Output + again.Error, StringComparison.Ordinal);
        AssertEachRowOnce(3);
        Assert.Equal(3, _lake.Count(Orders.Bronze, $"_run_key = '{Key}'"));
        Assert.Equal(RunLedgerEntry.Promoted, (await new RunLedger(_lake.Store).ReadAsync(Orders, Key))!.Status);
    }

    /// <summary>Waits (without a time limit of its own) until the killed holder's lease has expired by the store's clock.</summary>
    internal static async Task WaitForLeaseToExpireAsync(TestLake lake, LakeLayout layout, string runKey)
    {
        var lease = await RunKeyLease.ReadAsync(lake.Store, layout, runKey);
        Assert.NotNull(lease);
        Assert.False(lease.Released);
        while (TimeProvider.System.GetUtcNow() <= lease.ExpiresAt)
        {
            await Task.Delay(200);
        }
    }

    /// <summary>The number of processes that reached the gate (2 means both hold the key) once one ended or both wait there.</summary>
    private static async Task<int> WaitForOneToEndOrBothToHoldAsync(string gate, params Task[] processes)
    {
        var folder = Path.GetDirectoryName(gate)!;
        while (true)
        {
            var reached = Directory.GetFiles(folder, Path.GetFileName(gate) + ".*.reached").Length;
            if (reached >= 2 || processes.Any(p => p.IsCompleted))
            {
                return reached;
            }

            await Task.Delay(100);
        }
    }

    private void AssertEachRowOnce(long rows)
    {
        var counts = _lake.Query(SalesDataset.Current, "SELECT count(*), count(DISTINCT id) FROM t")[0];
        Assert.Equal([rows.ToString(System.Globalization.CultureInfo.InvariantCulture)], counts.Distinct());
    }

    /// <summary>A lake in a local folder.</summary>
    public sealed class Local() : RunKeyRaceTests(new TestLake());

    /// <summary>The lake and the raw files in a moto bucket.</summary>
    [Collection(MotoCollection.Name)]
    public sealed class OnS3(MotoServer moto) : RunKeyRaceTests(TestLake.OnS3(moto));
}
