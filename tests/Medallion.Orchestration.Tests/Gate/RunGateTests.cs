using System.Text.Json.Nodes;
using Medallion.Orchestration.Gate;

namespace Medallion.Orchestration.Tests.Gate;

public sealed class RunGateTests : IDisposable
{
    private readonly SalesLake _lake = new();

    public void Dispose() => _lake.Dispose();

    [Fact]
    public async Task PassAsync_PassingRun_ValidatesThenPromotes()
    {
        await _lake.RunAsync("r1", "a,1.00,2024-01-05");
        var sut = new RunGate(_lake.Clock, _lake.Reporter);

        var outcome = Assert.Single(await sut.PassAsync([_lake.Table], "r1").ToListAsync());

        Assert.True(outcome.Passed);
        Assert.Equal(0, outcome.Promotion!.Record.CurrentVersion);
        Assert.Equal(["a:1.00:r1"], _lake.CurrentRows());
        Assert.Equal(
            ["validation of run r1: sales.orders — passed (7 checks)", "promote sales.orders: run r1 → current/ version 0 (1 file(s), 1 row(s) live)"],
            outcome.Describe());
    }

    [Fact]
    public async Task PassAsync_PromoteOff_ValidatesOnlyAndLeavesCurrentAlone()
    {
        await _lake.RunAsync("r1", "a,1.00,2024-01-05");
        var sut = new RunGate(_lake.Clock, _lake.Reporter);

        var outcome = Assert.Single(await sut.PassAsync([_lake.Table], "r1", promote: false).ToListAsync());

        Assert.True(outcome.Passed);
        Assert.Null(outcome.Promotion);
        Assert.Equal("validated", (string?)JsonNode.Parse(_lake.Read("silver/sales/orders/schema_v=1/runs/run_key=r1/_run.json"))!["status"]);
        Assert.False(Directory.Exists(Path.Combine(_lake.Lake.LakeRoot, SalesLake.Current)));
    }

    [Fact]
    public async Task PassAsync_BadRunKey_ThrowsBeforeTouchingTheLake()
    {
        var sut = new RunGate(_lake.Clock, _lake.Reporter);

        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await sut.PassAsync([_lake.Table], "../r1").ToListAsync());

        Assert.StartsWith("Run key '../r1' is not allowed", error.Message, StringComparison.Ordinal);
    }
}
