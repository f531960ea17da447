using Medallion.Aws.Submit;
using Medallion.Jobs.Config;
using Medallion.Orchestration.Runs;
using Medallion.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Aws.Tests.Submit;

/// <summary>
/// The finisher on a local lake: the embedded engine stages a run (as the EMR jobs would), then
/// the finisher validates and promotes it through the orchestrator's gate.
/// </summary>
public sealed class OrchestratorRunFinisherTests : IDisposable
{
    private readonly TestLake _lake = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero));

    public void Dispose() => _lake.Dispose();

    [Fact]
    public async Task FinishAsync_StagedRunPassesValidation_PromotesToCurrent()
    {
        var request = await StageAsync("min_rows: 1", "1,10.00,2024-01-05", "2,20.00,2024-02-07");
        var sut = new OrchestratorRunFinisher(_clock);

        var result = await sut.FinishAsync(request);

        Assert.True(result.Succeeded, result.Summary);
        Assert.Contains("validation of run k-1: sales.orders — passed", result.Summary, StringComparison.Ordinal);
        Assert.Contains("promote sales.orders: run k-1 → current/ version 0", result.Summary, StringComparison.Ordinal);
        Assert.Equal(["1:10.00:k-1", "2:20.00:k-1"], SalesDataset.CurrentRows(_lake));
    }

    [Fact]
    public async Task FinishAsync_StagedRunFailsValidation_ReportsItAndLeavesCurrentEmpty()
    {
        var request = await StageAsync("min_rows: 5", "1,10.00,2024-01-05");
        var sut = new OrchestratorRunFinisher(_clock);

        var result = await sut.FinishAsync(request);

        Assert.False(result.Succeeded);
        Assert.Contains("validation of run k-1: sales.orders — FAILED: min_rows", result.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("promote", result.Summary, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_lake.LakeRoot, SalesDataset.Current)));
    }

    [Fact]
    public async Task FinishAsync_RunNeverStaged_ThrowsNamingTheMissingLedger()
    {
        var request = await StageAsync("min_rows: 1", "1,10.00,2024-01-05") with { RunKey = "k-never" };
        var sut = new OrchestratorRunFinisher(_clock);

        var error = await Assert.ThrowsAsync<MedallionException>(() => sut.FinishAsync(request));

        Assert.Contains("sales.orders: run 'k-never' has no ledger", error.Message, StringComparison.Ordinal);
    }

    private async Task<RunFinishRequest> StageAsync(string validation, params string[] rows)
    {
        SalesDataset.WriteTo(_lake, validation);
        SalesDataset.WriteRaw(_lake, rows);
        var configuration = ConfigLoader.Load(_lake.ConfDirectory);
        var outcome = Assert.Single(await new PipelineRunner(configuration, _clock, new Silent()).RunAsync(new RunRequest("sales", RunKey: "k-1")));
        Assert.True(outcome.Succeeded, outcome.Error);
        var selection = PipelineSelection.Resolve(configuration, "sales", null, null);
        return new RunFinishRequest(selection.Environment, selection.Dataset, selection.Tables, "k-1");
    }

    private sealed class Silent : IRunReporter
    {
        public void Progress(string message)
        {
        }

        public void Warning(string message)
        {
        }
    }
}
