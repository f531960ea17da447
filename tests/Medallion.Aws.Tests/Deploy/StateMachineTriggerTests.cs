using System.Text.Json.Nodes;
using Medallion.Aws.Deploy;

namespace Medallion.Aws.Tests.Deploy;

/// <summary>
/// Issue 13: the state machine's <c>PrepareInput</c> tells an S3 event's start from a schedule's,
/// read from the rendered definition. The event input is the one the rendered rule's input
/// transformer makes from an EventBridge S3 <c>Object Created</c> event, so rule and state machine are checked together.
/// </summary>
public sealed class StateMachineTriggerTests : IDisposable
{
    private const string Key = "exports/mortgage_transactions/2026-11-23 late.csv";
    private readonly AwsConf _conf = new(awsSettings: "      pipeline: { event_run_limit: 2 }\n");

    public void Dispose() => _conf.Dispose();

    [Fact]
    public void Build_S3EventInput_PassesTheObjectToTheBronzeJobAfterTheRunLimit()
    {
        var states = States();
        var input = EventInput(Template());

        Assert.Equal("CaptureObjectRunContext", ChoiceRules.Next(states["PrepareInput"]!, input));
        input["context"] = Evaluate(states["CaptureObjectRunContext"]!["Parameters"]!, input);
        Assert.Equal($"s3://acme-raw/{Key}", input["context"]!["object"]!.GetValue<string>());
        Assert.Equal("CountRunningExecutions", states["CaptureObjectRunContext"]!["Next"]!.GetValue<string>());
        input["running"] = new JsonObject { ["count"] = 2 };
        Assert.Equal("BronzeObject", ChoiceRules.Next(states["WithinEventRunLimit"]!, input));

        var withObject = Arguments(states["BronzeObject"]!, input);
        var scheduled = Arguments(states["Bronze"]!, input);
        Assert.Equal([.. scheduled, "--object", $"s3://acme-raw/{Key}"], withObject);
        Assert.Equal(("Silver", "BronzeObjectFailed"), (states["BronzeObject"]!["Next"]!.GetValue<string>(), states["BronzeObject"]!["Catch"]![0]!["Next"]!.GetValue<string>()));
    }

    [Fact]
    public void Build_ScheduleInput_RunsBronzeOverWhatIsNewWithoutAnObject()
    {
        var states = States();
        var input = JsonNode.Parse(Template()["Resources"]!["ScheduleMortgageTransactions"]!["Properties"]!["Target"]!["Input"]!.GetValue<string>())!;

        Assert.Equal("CaptureRunContext", ChoiceRules.Next(states["PrepareInput"]!, input));
        Assert.Equal("Bronze", states["CaptureRunContext"]!["Next"]!.GetValue<string>());
        input["context"] = Evaluate(states["CaptureRunContext"]!["Parameters"]!, input);
        Assert.Null(input["context"]!["object"]);
        Assert.DoesNotContain("--object", Arguments(states["Bronze"]!, input));
    }

    [Fact]
    public void Build_MoreRunningExecutionsThanTheLimit_TheEventsRunEndsDeferredBeforeAnyJob()
    {
        var states = States();
        var input = EventInput(Template());

        Assert.Equal(3, states["CountRunningExecutions"]!["Parameters"]!["MaxResults"]!.GetValue<int>());
        Assert.Equal("$$.StateMachine.Id", states["CountRunningExecutions"]!["Parameters"]!["StateMachineArn.$"]!.GetValue<string>());
        Assert.Equal("RUNNING", states["CountRunningExecutions"]!["Parameters"]!["StatusFilter"]!.GetValue<string>());
        Assert.Equal(3, new Intrinsics(new JsonObject { ["Executions"] = new JsonArray(1, 2, 3) }, new JsonObject())
            .Evaluate(states["CountRunningExecutions"]!["ResultSelector"]!["count.$"]!.GetValue<string>())!.GetValue<int>());
        input["running"] = new JsonObject { ["count"] = 3 };
        var next = ChoiceRules.Next(states["WithinEventRunLimit"]!, input);

        Assert.Equal("EventDeferred", next);
        Assert.Equal("Succeed", states[next]!["Type"]!.GetValue<string>());
    }

    private JsonObject Template()
    {
        var configuration = _conf.Load();
        return CloudFormationTemplate.Build(configuration, AwsEnvironment.Resolve(configuration, "prod"));
    }

    private JsonObject States()
    {
        var configuration = _conf.Load();
        return StateMachineDefinition.Build(configuration, AwsEnvironment.Resolve(configuration, "prod", AwsEnvironment.Setting.ArtifactsPrefix))["States"]!.AsObject();
    }

    /// <summary>What EventBridge hands the state machine for an object landing under mortgage_transactions: the rule's input template over a real event's detail.</summary>
    internal static JsonObject EventInput(JsonObject template)
    {
        var detail = new JsonObject
        {
            ["version"] = "0",
            ["bucket"] = new JsonObject { ["name"] = "acme-raw" },
            ["object"] = new JsonObject { ["key"] = Key, ["size"] = 198524, ["etag"] = "4af981f98d22a0b9979da24b259e5e42-12", ["sequencer"] = "0064D3901D00059242" },
            ["request-id"] = "XRRTKJXSZQCWNQR1",
            ["reason"] = "PutObject",
        };
        var transformer = template["Resources"]!["TriggerMortgageTransactions"]!["Properties"]!["Targets"]![0]!["InputTransformer"]!;
        Assert.Equal("$.detail", transformer["InputPathsMap"]!["detail"]!.GetValue<string>());
        return JsonNode.Parse(transformer["InputTemplate"]!.GetValue<string>().Replace("<detail>", detail.ToJsonString(), StringComparison.Ordinal))!.AsObject();
    }

    private static JsonObject Context() => new()
    {
        ["Execution"] = new JsonObject { ["Id"] = "arn:aws:states:us-east-1:123456789012:execution:medallion-prod:6e9f8a0b", ["Name"] = "6e9f8a0b", ["RedriveCount"] = 0 },
        ["State"] = new JsonObject { ["RetryCount"] = 0 },
        ["StateMachine"] = new JsonObject { ["Id"] = "arn:aws:states:us-east-1:123456789012:stateMachine:medallion-prod", ["Name"] = "medallion-prod" },
    };

    private static JsonObject Evaluate(JsonNode parameters, JsonNode input) =>
        new(parameters.AsObject().Select(p => p.Key.EndsWith(".$", StringComparison.Ordinal)
            ? KeyValuePair.Create(p.Key[..^2], new Intrinsics(input, Context()).Evaluate(p.Value!.GetValue<string>())?.DeepClone())
            : KeyValuePair.Create(p.Key, p.Value?.DeepClone())));

    private static List<string> Arguments(JsonNode task, JsonNode input) =>
        [.. new Intrinsics(input, Context()).Evaluate(task["Parameters"]!["JobDriver"]!["SparkSubmit"]!["EntryPointArguments.$"]!.GetValue<string>())!
            .AsArray().Select(a => a!.GetValue<string>())];
}
