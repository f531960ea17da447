using Medallion.Jobs.Lake;
using Medallion.Orchestration.Ledger;
using Medallion.Testing;

namespace Medallion.Cli.Tests.Faults;

/// <summary>Issue 16: the ledger says what happened, whatever a step died of (a full disk included).</summary>
public sealed class LedgerTruthTests : IDisposable
{
    private static readonly LakeLayout Orders = new("sales", "orders", "v1");
    private readonly TestLake _lake = new();

    public void Dispose() => _lake.Dispose();

    [Fact]
    public async Task Run_SilverDiesOfAnIOException_LedgerEndsFailedWithTheReasonAndTheKeyIsFreeAtOnce()
    {
        SalesDataset.WriteTo(_lake);
        SalesDataset.WriteRaw(_lake, "a,1.00,2024-01-05", "b,2.00,2024-02-05");
        string[] run = ["run", "sales", "--run-key", "r1", "--conf", _lake.ConfDirectory];

        var failed = await MedallionProcess.RunAsync(
            new Dictionary<string, string> { ["MEDALLION_FAULT_AT"] = "run-silver", ["MEDALLION_FAULT_ACTION"] = "io" }, run);

        Assert.Equal(1, failed.ExitCode);
        var ledger = (await new RunLedger(_lake.Store).ReadAsync(Orders, "r1"))!;
        Assert.Equal(RunLedgerEntry.Failed, ledger.Status);
        Assert.Equal("IOException: No space left on device (injected at run-silver)", ledger.Error);
        Assert.Contains("No space left on device (injected at run-silver)", failed.Error, StringComparison.Ordinal);
        // The failed attempt released its key: the next one need not wait for the lease to expire.
        var again = await MedallionProcess.RunAsync(new Dictionary<string, string>(), run);
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Equal(RunLedgerEntry.Promoted, (await new RunLedger(_lake.Store).ReadAsync(Orders, "r1"))!.Status);
    }

    [Fact]
    public async Task Runs_RunningLedgerNobodyHolds_IsListedAsAbandoned()
    {
        SalesDataset.WriteTo(_lake);
        SalesDataset.WriteRaw(_lake, "a,1.00,2024-01-05");
        Assert.Equal(0, (await CliRunner.RunAsync("run", "sales", "--run-key", "r1", "--no-promote", "--conf", _lake.ConfDirectory)).ExitCode);
        await new RunLedger(_lake.Store).SetStatusAsync(Orders, "r1", RunLedgerEntry.Running, new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero));

        var (exitCode, output, _) = await CliRunner.RunAsync("runs", "sales", "--conf", _lake.ConfDirectory);

        Assert.Equal(0, exitCode);
        Assert.Contains("(abandoned)", output, StringComparison.Ordinal);
    }
}
