using System.Text.Json.Nodes;
using Medallion.Orchestration.Gate;
using Medallion.Orchestration.Outcomes;

namespace Medallion.Orchestration.Tests.Outcomes;

/// <summary>The file the state machine's notifications quote: which table, which status, which checks failed with what values.</summary>
public sealed class StepOutcomeWriterTests
{
    [Fact]
    public async Task TryWriteAsync_RejectedValidation_NamesTheTableAndEachFailedCheckWithItsMeasuredValue()
    {
        using var lake = new SalesLake(validation: "min_rows: 5");
        await lake.RunAsync("r1", "a,1.00,2024-01-05", ",2.00,2024-01-06");
        await new RunGate(lake.Clock, lake.Reporter).PassAsync([lake.Table], "r1").ToListAsync();

        Assert.Null(await StepOutcomeWriter.TryWriteAsync([lake.Table], "r1", "promote"));

        var outcome = JsonNode.Parse(lake.Read("_medallion/outcomes/sales/run_key=r1/promote.json"))!;
        Assert.Equal(("sales", "r1", "promote", false), ((string)outcome["dataset"]!, (string)outcome["runKey"]!, (string)outcome["step"]!, (bool)outcome["succeeded"]!));
        var table = outcome["tables"]!.AsArray().Single()!;
        Assert.Equal(("orders", "rejected", 2L, 1L, 1L), ((string)table["table"]!, (string)table["status"]!, (long)table["rowsRead"]!, (long)table["silverRows"]!, (long)table["quarantined"]!));
        Assert.Equal(1, (long)table["ruleFailures"]!["not_null_id"]!);
        var check = table["failedChecks"]!.AsArray().Single()!;
        Assert.Equal(("min_rows", 5L, 1L), ((string)check["name"]!, (long)check["threshold"]!, (long)check["measured"]!));
        Assert.Contains("at least 5 required", (string)check["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryWriteAsync_PromotedRun_Succeeds()
    {
        using var lake = new SalesLake();
        await lake.PublishAsync("r1", "a,1.00,2024-01-05");

        Assert.Null(await StepOutcomeWriter.TryWriteAsync([lake.Table], "r1", "promote"));

        var outcome = JsonNode.Parse(lake.Read("_medallion/outcomes/sales/run_key=r1/promote.json"))!;
        Assert.True((bool)outcome["succeeded"]!);
        Assert.Equal(("promoted", 0L), ((string)outcome["tables"]![0]!["status"]!, (long)outcome["tables"]![0]!["promotedVersion"]!));
    }
}
