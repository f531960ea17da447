using Medallion.Jobs.Config;
using Medallion.Orchestration.Runs;
using Medallion.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Orchestration.Tests.Runs;

/// <summary>Runs a test lake's one-table dataset through bronze and silver, as <c>medallion run --no-promote</c> would.</summary>
internal static class SingleTableRun
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    public static async Task<TableRunOutcome> RunAsync(TestLake lake, string dataset, string runKey = "k1")
    {
        var outcomes = await new PipelineRunner(ConfigLoader.Load(lake.ConfDirectory), new FakeTimeProvider(Now), new RecordingReporter())
            .RunAsync(new RunRequest(dataset, RunKey: runKey));
        return outcomes.Single();
    }
}
