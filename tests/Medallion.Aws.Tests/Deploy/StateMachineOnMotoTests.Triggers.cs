using System.Text.Json.Nodes;
using Medallion.Aws.Deploy;

namespace Medallion.Aws.Tests.Deploy;

/// <summary>
/// Issue 13: an S3 event's input and a schedule's input each take their branch on moto's ASL
/// interpreter. The EMR job states are replaced by Pass states that say which one ran, and so is
/// the run limit's count: moto 5.2.1 cannot run <c>aws-sdk:sfn:listExecutions</c> (it passes the
/// PascalCase parameters Step Functions requires to boto unchanged, and fails serializing the
/// answer's dates), so the count is the one a lone execution gets; the Choice on it is the rendered one.
/// </summary>
public sealed partial class StateMachineOnMotoTests
{
    [Fact]
    public async Task Execute_S3EventInput_CountsRunningExecutionsAndRunsBronzeForThatObject()
    {
        using var conf = new AwsConf();
        _moto.Reset();
        var configuration = conf.Load();
        var input = StateMachineTriggerTests.EventInput(CloudFormationTemplate.Build(configuration, AwsEnvironment.Resolve(configuration, "prod")));

        var (status, output) = await ExecuteWithoutJobsAsync(Definition(conf), "k-event", input.ToJsonString());

        Assert.Equal("SUCCEEDED", status);
        Assert.Equal("BronzeObject", output["jobs"]!["bronze"]!["ran"]!.GetValue<string>());
        Assert.Equal("s3://acme-raw/exports/mortgage_transactions/2026-11-23 late.csv", output["context"]!["object"]!.GetValue<string>());
        Assert.Equal(("Silver", "ValidateAndPromote"), (output["jobs"]!["silver"]!["ran"]!.GetValue<string>(), output["jobs"]!["promote"]!["ran"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Execute_ScheduleInput_RunsBronzeWithoutAnObjectOrTheEventCount()
    {
        using var conf = new AwsConf();
        _moto.Reset();

        var (status, output) = await ExecuteWithoutJobsAsync(Definition(conf), "k-schedule", "{\"dataset\": \"mortgage_transactions\"}");

        Assert.Equal("SUCCEEDED", status);
        Assert.Equal("Bronze", output["jobs"]!["bronze"]!["ran"]!.GetValue<string>());
        Assert.Null(output["context"]!["object"]);
        Assert.Null(output["running"]);
    }

    private async Task<(string Status, JsonNode Output)> ExecuteWithoutJobsAsync(JsonObject definition, string executionName, string input)
    {
        var states = definition["States"]!.AsObject();
        foreach (var state in new[] { "Bronze", "BronzeObject", "Silver", "ValidateAndPromote" })
        {
            states[state] = new JsonObject
            {
                ["Type"] = "Pass",
                ["Result"] = new JsonObject { ["JobRunId"] = "00f" + state.ToLowerInvariant(), ["ran"] = state },
                ["ResultPath"] = states[state]!["ResultPath"]!.DeepClone(),
                ["Next"] = states[state]!["Next"]!.DeepClone(),
            };
        }

        states["CountRunningExecutions"] = new JsonObject
        {
            ["Type"] = "Pass",
            ["Result"] = new JsonObject { ["count"] = 1 },
            ["ResultPath"] = states["CountRunningExecutions"]!["ResultPath"]!.DeepClone(),
            ["Next"] = states["CountRunningExecutions"]!["Next"]!.DeepClone(),
        };
        try
        {
            var answer = JsonNode.Parse(await Python.RunAsync(Path.Combine("Deploy", "run_state_machine.py"), new JsonObject
            {
                ["endpoint"] = _moto.Endpoint.ToString(),
                ["definition"] = definition.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
                ["stateMachine"] = "medallion-prod-" + Guid.NewGuid().ToString("N")[..8],
                ["executionName"] = executionName,
                ["input"] = input,
                ["expectMessages"] = false,
            }.ToJsonString()))!;
            Assert.True(answer["output"] is not null, answer.ToJsonString());
            return ((string)answer["status"]!, JsonNode.Parse((string)answer["output"]!)!);
        }
        finally
        {
            _moto.Reset();
        }
    }
}
