using System.Text.Json.Nodes;
using Medallion.Delta;
using Medallion.Orchestration.Gate;
using Medallion.Orchestration.Tracing;

namespace Medallion.Orchestration.Tests.Tracing;

public sealed class RunTraceRecorderTests : IDisposable
{
    private const string Execution = "arn:aws:states:eu-west-1:123456789012:execution:medallion-prod:r1";
    private readonly SalesLake _lake = new();

    public void Dispose() => _lake.Dispose();

    /// <summary>Issue 14: nothing recorded which execution and job runs produced current/.</summary>
    [Fact]
    public async Task RecordAsync_ThenGate_TraceReachesLedgerCommitInfoAndLatest()
    {
        await _lake.RunAsync("r1", "a,1.00,2024-01-05");
        var trace = new RunTrace(Execution, "medallion-prod", new Dictionary<string, string> { ["bronze"] = "00fb", ["silver"] = "00fs" });

        await RunTraceRecorder.RecordAsync([_lake.Table], "r1", trace);
        Assert.True(Assert.Single(await new RunGate(_lake.Clock, _lake.Reporter).PassAsync([_lake.Table], "r1").ToListAsync()).Passed);

        var ledger = JsonNode.Parse(_lake.Read("silver/sales/orders/schema_v=1/runs/run_key=r1/_run.json"))!;
        var latest = JsonNode.Parse(_lake.Read("silver/sales/orders/_LATEST.json"))!;
        foreach (var recorded in new[] { ledger, latest })
        {
            Assert.Equal(Execution, (string?)recorded["executionArn"]);
            Assert.Equal("medallion-prod", (string?)recorded["stateMachine"]);
            Assert.Equal("00fb", (string?)recorded["emrJobRunIds"]!["bronze"]);
            Assert.Equal("00fs", (string?)recorded["emrJobRunIds"]!["silver"]);
        }

        var commit = (await new DeltaTable(_lake.Lake.Store, SalesLake.Current).HistoryAsync())[^1].Extras;
        Assert.Equal(Execution, (string?)commit["medallion.executionArn"]);
        Assert.Equal("medallion-prod", (string?)commit["medallion.stateMachine"]);
        Assert.Equal("""{"bronze":"00fb","silver":"00fs"}""", commit["medallion.emrJobRunIds"]!.ToJsonString());
    }

    [Fact]
    public void ApplyTo_LaterStepRanAgain_KeepsEarlierJobRunsAndReplacesTheNewOne()
    {
        var entry = new Medallion.Orchestration.Ledger.RunLedgerEntry("r1", "sales", "orders", ["bronze", "silver"], "spark", "prod", "v1", "running", [], [], null, null, null)
        {
            EmrJobRunIds = new Dictionary<string, string> { ["bronze"] = "00fb", ["silver"] = "00fold" },
            ExecutionArn = Execution,
        };

        var sut = new RunTrace(null, null, new Dictionary<string, string> { ["silver"] = "00fnew" }).ApplyTo(entry);

        Assert.Equal(new Dictionary<string, string> { ["bronze"] = "00fb", ["silver"] = "00fnew" }, sut.EmrJobRunIds);
        Assert.Equal(Execution, sut.ExecutionArn);
    }
}
