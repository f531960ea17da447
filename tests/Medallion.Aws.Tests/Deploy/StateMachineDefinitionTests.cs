using System.Text.Json.Nodes;
using Medallion.Aws.Deploy;
using Medallion.Jobs.Engine.Spark;

namespace Medallion.Aws.Tests.Deploy;

/// <summary>The rendered state machine, read as JSON: what each state passes on, and where each error goes.</summary>
public sealed class StateMachineDefinitionTests : IDisposable
{
    private const string Execution = "arn:aws:states:us-east-1:123456789012:execution:medallion-prod:20261123T093000Z-abcdef";
    private readonly AwsConf _conf = new(awsSettings: "      pipeline: { notify_success: true, job_retries: 2, bronze_timeout_minutes: 90 }\n");

    public void Dispose() => _conf.Dispose();

    /// <summary>Issue 14: the promote step got neither the execution nor the job run ids, so nothing recorded what produced current/.</summary>
    [Fact]
    public void Build_PromoteStep_ReceivesTheExecutionIdAndBothJobRunIds()
    {
        var states = Build();
        var state = new JsonObject
        {
            ["dataset"] = "mortgage_transactions",
            ["context"] = Evaluate(states["CaptureRunContext"]!["Parameters"]!, new JsonObject { ["dataset"] = "mortgage_transactions" }, Context()),
            ["jobs"] = new JsonObject { ["bronze"] = new JsonObject { ["JobRunId"] = "00fbronze" }, ["silver"] = new JsonObject { ["JobRunId"] = "00fsilver" } },
        };

        var arguments = new Intrinsics(state, Context())
            .Evaluate(states["ValidateAndPromote"]!["Parameters"]!["JobDriver"]!["SparkSubmit"]!["EntryPointArguments.$"]!.GetValue<string>())!
            .AsArray().Select(a => a!.GetValue<string>()).ToList();

        // What the job host parses: the gate records these in the ledgers, commitInfo and _LATEST.json.
        var host = SparkJobArguments.Parse(arguments[2..]);
        Assert.Equal((SparkJobArguments.Promote, "20261123T093000Z-abcdef", Execution, "medallion-prod"), (host.Step, host.RunKey, host.ExecutionArn, host.StateMachine));
        Assert.Equal(new Dictionary<string, string> { ["bronze"] = "00fbronze", ["silver"] = "00fsilver" }, host.JobRunIds);
        foreach (var (task, step) in new[] { ("Bronze", "bronze"), ("Silver", "silver") })
        {
            Assert.Equal($"$.jobs.{step}", states[task]!["ResultPath"]!.GetValue<string>());
            Assert.Equal("$.JobRunId", states[task]!["ResultSelector"]!["JobRunId.$"]!.GetValue<string>());
            Assert.Contains("'--execution-arn', $.context.executionArn", states[task]!["Parameters"]!["JobDriver"]!["SparkSubmit"]!["EntryPointArguments.$"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    /// <summary>Issue 14: the token was a hash of run key, step and dataset, so a retry or redrive got the failed job run back.</summary>
    [Theory]
    [InlineData("Bronze")]
    [InlineData("Silver")]
    [InlineData("ValidateAndPromote")]
    public void Build_ClientToken_SameWithinAnAttemptNewForARetryOrARedrive(string task)
    {
        var expression = Build()[task]!["Parameters"]!["ClientToken.$"]!.GetValue<string>();
        var input = new JsonObject { ["context"] = new JsonObject { ["runKey"] = "20261123T093000Z-abcdef", ["dataset"] = "mortgage_transactions" } };
        string Token(int retry, int redrive) => new Intrinsics(input, Context(retry, redrive)).Evaluate(expression)!.GetValue<string>();

        var first = Token(retry: 0, redrive: 0);

        Assert.Equal(first, Token(retry: 0, redrive: 0));
        Assert.NotEqual(first, Token(retry: 1, redrive: 0));
        Assert.NotEqual(first, Token(retry: 0, redrive: 1));
        Assert.NotEqual(Token(retry: 1, redrive: 0), Token(retry: 0, redrive: 1));
        Assert.Matches("^[A-Za-z0-9._-]{1,64}$", first);
        Assert.NotEqual(first, new Intrinsics(input, Context()).Evaluate(Build()[task == "Bronze" ? "Silver" : "Bronze"]!["Parameters"]!["ClientToken.$"]!.GetValue<string>())!.GetValue<string>());
    }

    [Fact]
    public void Build_EveryTask_CatchesEveryErrorIntoTheFailurePathOrPastItsNotice()
    {
        var states = Build();
        var tasks = states.Where(s => s.Value!["Type"]!.GetValue<string>() == "Task").Select(s => s.Key).ToList();

        Assert.Equal(["CountRunningExecutions", "Bronze", "BronzeObject", "Silver", "ValidateAndPromote", "ReadFailureOutcome", "NotifyFailure", "ReadPromoteOutcome", "NotifySuccess"], tasks);
        foreach (var task in tasks)
        {
            var state = states[task]!;
            Assert.True(state["TimeoutSeconds"]!.GetValue<int>() > 0, task);
            Assert.NotEmpty(state["Retry"]!.AsArray());
            var handler = Assert.Single(state["Catch"]!.AsArray())!;
            Assert.Equal("States.ALL", Assert.Single(handler["ErrorEquals"]!.AsArray())!.GetValue<string>());
            var after = Reachable(states, handler["Next"]!.GetValue<string>());
            if (task is "ReadPromoteOutcome" or "NotifySuccess")
            {
                // A success notice that cannot be read or sent does not undo the promotion.
                Assert.Contains("Success", after);
                Assert.DoesNotContain("Failed", after);
            }
            else
            {
                Assert.Contains("Failed", after);
                Assert.DoesNotContain("Success", after);
                Assert.True(task == "NotifyFailure" || after.Contains("NotifyFailure"), task);
            }
        }

        Assert.Equal(["PrepareInput", "CaptureObjectRunContext", "CountRunningExecutions", "WithinEventRunLimit", "BronzeObject", "Silver", "ValidateAndPromote", "ReadPromoteOutcome", "SuccessNotice", "NotifySuccess", "Success"], HappyPath(states));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"datasets\": \"mortgage_transactions\"}")]
    [InlineData("{\"dataset\": 3}")]
    [InlineData("{\"dataset\": \"nope\"}")]
    [InlineData("{\"dataset\": \"wordpress_api\", \"detail\": \"an S3 event without its detail\"}")]
    [InlineData("{\"dataset\": \"wordpress_api\", \"detail\": {\"bucket\": {\"name\": \"acme-raw\"}}}")]
    [InlineData("{\"dataset\": \"wordpress_api\", \"detail\": {\"bucket\": {\"name\": \"acme-raw\"}, \"object\": {\"key\": 5}}}")]
    public void Build_InputWithoutAKnownDatasetOrAWholeS3Event_GoesToTheFailureNoticeBeforeAnythingReadsIt(string input)
    {
        var states = Build();

        Assert.Equal("PrepareInput", Definition()["StartAt"]!.GetValue<string>());
        Assert.Equal("InputRejected", ChoiceRules.Next(states["PrepareInput"]!, JsonNode.Parse(input)!));
        Assert.Equal(["mortgage_transactions", "wordpress_api"], states["PrepareInput"]!["Choices"]![2]!["Not"]!["Or"]!.AsArray().Select(c => c!["StringEquals"]!.GetValue<string>()));
        Assert.Contains("NotifyFailure", Reachable(states, "InputRejected"));
    }

    [Fact]
    public void Build_FailureNotice_NamesStateDatasetRunKeyAndQuotesTheStepOutcome()
    {
        var states = Build();

        var notice = states["FailureNotice"]!["Parameters"]!;
        Assert.Equal(
            [("dataset.$", "$.context.dataset"), ("runKey.$", "$.context.runKey"), ("failedState.$", "$.failure.state"), ("outcome.$", "$.outcome")],
            new[] { "dataset.$", "runKey.$", "failedState.$", "outcome.$" }.Select(k => (k, notice[k]!.GetValue<string>())));
        Assert.Equal("ValidateAndPromote", states["ValidateAndPromoteFailed"]!["Parameters"]!["state"]!.GetValue<string>());
        Assert.Equal(
            "States.Format('medallion/_medallion/outcomes/{}/run_key={}/{}.json', $.context.dataset, $.context.runKey, $.failure.step)",
            states["ReadFailureOutcome"]!["Parameters"]!["Key.$"]!.GetValue<string>());
        Assert.Equal("acme-lake", states["ReadFailureOutcome"]!["Parameters"]!["Bucket"]!.GetValue<string>());
        Assert.Equal("States.JsonToString($.notice)", states["NotifyFailure"]!["Parameters"]!["Message.$"]!.GetValue<string>());
        Assert.Equal(StateMachineDefinition.SuccessTopicArnPlaceholder, states["NotifySuccess"]!["Parameters"]!["TopicArn"]!.GetValue<string>());
    }

    [Fact]
    public void Build_Jobs_TimeoutsFromConfigAndOnlyLayersRetryAFailedJobRun()
    {
        var states = Build();

        Assert.Equal(90, states["Bronze"]!["Parameters"]!["ExecutionTimeoutMinutes"]!.GetValue<int>());
        Assert.Equal(60, states["ValidateAndPromote"]!["Parameters"]!["ExecutionTimeoutMinutes"]!.GetValue<int>());
        Assert.Equal((90 + 15) * 60, states["Bronze"]!["TimeoutSeconds"]!.GetValue<int>());
        foreach (var task in new[] { "Bronze", "Silver" })
        {
            var retry = states[task]!["Retry"]!.AsArray().Single(r => r!["ErrorEquals"]![0]!.GetValue<string>() == "States.TaskFailed")!;
            Assert.Equal(2, retry["MaxAttempts"]!.GetValue<int>());
        }

        Assert.DoesNotContain(states["ValidateAndPromote"]!["Retry"]!.AsArray(), r => r!["ErrorEquals"]![0]!.GetValue<string>() == "States.TaskFailed");
    }

    private JsonObject Definition() => StateMachineDefinition.Build(_conf.Load(), AwsEnvironment.Resolve(_conf.Load(), "prod", AwsEnvironment.Setting.ArtifactsPrefix));

    private JsonObject Build() => Definition()["States"]!.AsObject();

    private static JsonObject Context(int retry = 0, int redrive = 0) => new()
    {
        ["Execution"] = new JsonObject { ["Id"] = Execution, ["Name"] = "20261123T093000Z-abcdef", ["RedriveCount"] = redrive },
        ["State"] = new JsonObject { ["Name"] = "Bronze", ["RetryCount"] = retry },
        ["StateMachine"] = new JsonObject { ["Name"] = "medallion-prod" },
    };

    /// <summary>A Parameters block with its <c>.$</c> keys evaluated.</summary>
    private static JsonObject Evaluate(JsonNode parameters, JsonNode input, JsonNode context) =>
        new(parameters.AsObject().Select(p => p.Key.EndsWith(".$", StringComparison.Ordinal)
            ? KeyValuePair.Create(p.Key[..^2], new Intrinsics(input, context).Evaluate(p.Value!.GetValue<string>())?.DeepClone())
            : KeyValuePair.Create(p.Key, p.Value?.DeepClone())));

    private static HashSet<string> Reachable(JsonObject states, string from)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([from]);
        while (pending.TryPop(out var name))
        {
            if (!seen.Add(name))
            {
                continue;
            }

            var state = states[name]!;
            foreach (var next in new[] { state["Next"], state["Default"] }.Concat(state["Catch"]?.AsArray().Select(c => c!["Next"]) ?? []).Concat(state["Choices"]?.AsArray().Select(c => c!["Next"]) ?? []))
            {
                if (next is not null)
                {
                    pending.Push(next.GetValue<string>());
                }
            }
        }

        return seen;
    }

    /// <summary>The states a valid input passes through when every step succeeds (each Choice's Default, then each Next).</summary>
    private static List<string> HappyPath(JsonObject states)
    {
        List<string> path = [];
        for (var name = "PrepareInput"; name is not null;)
        {
            path.Add(name);
            var state = states[name]!;
            name = state["Type"]!.GetValue<string>() == "Choice" ? (state["Default"] ?? state["Choices"]!.AsArray()[^1]!["Next"])!.GetValue<string>() : state["Next"]?.GetValue<string>();
        }

        return path;
    }
}
