using System.Text.Json.Nodes;
using Medallion.Aws.Artifacts;
using Medallion.Aws.Submit;
using Medallion.Jobs.Config;

namespace Medallion.Aws.Deploy;

/// <summary>
/// The pipeline in Amazon States Language, one state machine per environment (the schedule's input
/// names the dataset):
/// <code>
/// PrepareInput ─► CaptureRunContext ─────────────────────────────────────────────► Bronze ───────┐
///   │  │ (S3 event)                                                                                  ▼
///   │  └─► CaptureObjectRunContext ─► CountRunningExecutions ─► WithinEventRunLimit ─► BronzeObject ─► Silver ─► ValidateAndPromote ─► [ReadPromoteOutcome ─► SuccessNotice ─► NotifySuccess ─►] Success
///   │                                        │                        └─► EventDeferred (too many running)
///   ▼                                        ▼
/// InputRejected        CountRunningExecutionsFailed, BronzeFailed, BronzeObjectFailed, SilverFailed, ValidateAndPromoteFailed ─► ReadFailureOutcome
///      └──────────────────────────────────────────────────────────────────────────────────────┴─► FailureNotice ─► NotifyFailure ─► Failed
/// </code>
/// A start without <c>detail</c> (a schedule's) runs what is new; an S3 event's start passes
/// <c>--object s3://bucket/key</c> to the bronze job, which decides and records the run's file set
/// (silver and promote follow the run). See <c>PrepareInput</c> and the event run limit.
/// Bronze, Silver and ValidateAndPromote are EMR Serverless job runs (<c>startJobRun.sync</c>);
/// the promote job gets the execution and both job run ids, which the gate records in the ledgers,
/// the promotion's commitInfo and <c>_LATEST.json</c>. Failure notices name the failed state and
/// quote the step's outcome file (table, status, failed checks with measured values).
/// <c>${…}</c> placeholders are CloudFormation <c>DefinitionSubstitutions</c> for resources the template creates.
/// </summary>
public static partial class StateMachineDefinition
{
    public const string ApplicationIdPlaceholder = "${EmrApplicationId}";
    public const string JobRoleArnPlaceholder = "${JobRoleArn}";
    public const string FailureTopicArnPlaceholder = "${FailureTopicArn}";
    public const string SuccessTopicArnPlaceholder = "${SuccessTopicArn}";

    /// <summary>How far Step Functions' own timeout lies beyond EMR's <c>executionTimeoutMinutes</c>: time to queue for capacity and start, so EMR's clearer cancellation comes first.</summary>
    public static readonly TimeSpan StartAllowance = TimeSpan.FromMinutes(15);

    /// <exception cref="ConfigurationException">The environment's lake is not on S3.</exception>
    public static JsonObject Build(MedallionConfiguration configuration, AwsEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var artifacts = ArtifactLayout.For(environment.Aws.ArtifactsPrefix!);
        var lake = CloudFormationTemplate.Scope.For(environment).Lake;
        var pipeline = environment.Aws.Pipeline;
        var states = new JsonObject
        {
            ["PrepareInput"] = PrepareInput(configuration),
            ["InputRejected"] = InputRejected(configuration),
            ["CaptureRunContext"] = CaptureRunContext(withObject: false),
            ["CaptureObjectRunContext"] = CaptureRunContext(withObject: true),
            ["CountRunningExecutions"] = CountRunningExecutions(pipeline.EventRunLimit),
            ["WithinEventRunLimit"] = WithinEventRunLimit(pipeline.EventRunLimit),
            ["EventDeferred"] = EventDeferred(),
            ["Bronze"] = JobTask(environment, artifacts, SparkJob.Bronze, "Bronze", "Silver"),
            ["BronzeObject"] = JobTask(environment, artifacts, SparkJob.Bronze, "BronzeObject", "Silver", forObject: true),
            ["Silver"] = JobTask(environment, artifacts, SparkJob.Silver, "Silver", "ValidateAndPromote"),
            ["ValidateAndPromote"] = JobTask(environment, artifacts, SparkJob.Promote, "ValidateAndPromote", pipeline.NotifySuccess ? "ReadPromoteOutcome" : "Success"),
        };
        foreach (var (state, step) in new[] { ("CountRunningExecutions", "input"), ("Bronze", SparkJob.Bronze), ("BronzeObject", SparkJob.Bronze), ("Silver", SparkJob.Silver), ("ValidateAndPromote", SparkJob.Promote) })
        {
            states[state + "Failed"] = StepFailed(state, step);
        }

        states["ReadFailureOutcome"] = ReadOutcome(lake, "$.failure.step", next: "FailureNotice", onError: "FailureNotice");
        states["FailureNotice"] = Notice("FAILED", environment, withFailure: true, "NotifyFailure");
        states["NotifyFailure"] = Publish(FailureTopicArnPlaceholder, $"Medallion run failed ({environment.Name})", next: "Failed", onError: "Failed");
        states["Failed"] = new JsonObject { ["Type"] = "Fail", ["Error"] = "MedallionRunFailed", ["Cause"] = "A step failed; the failure topic has the details." };
        if (pipeline.NotifySuccess)
        {
            // A success notice that cannot be read or sent does not undo a promotion: both go on to Success.
            states["ReadPromoteOutcome"] = ReadOutcome(lake, $"'{SparkJob.Promote}'", next: "SuccessNotice", onError: "SuccessNotice");
            states["SuccessNotice"] = Notice("SUCCEEDED", environment, withFailure: false, "NotifySuccess");
            states["NotifySuccess"] = Publish(SuccessTopicArnPlaceholder, $"Medallion run succeeded ({environment.Name})", next: "Success", onError: "Success");
        }

        states["Success"] = new JsonObject { ["Type"] = "Succeed" };
        return new JsonObject
        {
            ["Comment"] = $"Medallion pipeline of environment {environment.Name}: bronze, silver, validate and promote one dataset (input: {{\"dataset\": \"…\"}}, or an S3 event's with its dataset).",
            ["StartAt"] = "PrepareInput",
            ["States"] = states,
        };
    }

    /// <summary>Every task's Catch: any error, kept at <paramref name="resultPath"/>, then <paramref name="next"/>.</summary>
    private static JsonArray Catch(string next, string resultPath) =>
        [new JsonObject { ["ErrorEquals"] = new JsonArray("States.ALL"), ["ResultPath"] = resultPath, ["Next"] = next }];

    /// <summary>A retrier with jittered exponential backoff.</summary>
    private static JsonObject Retrier(int maxAttempts, int intervalSeconds, params string[] errors) => new()
    {
        ["ErrorEquals"] = new JsonArray([.. errors.Select(e => JsonValue.Create(e))]),
        ["IntervalSeconds"] = intervalSeconds,
        ["MaxAttempts"] = maxAttempts,
        ["BackoffRate"] = 2.0,
        ["JitterStrategy"] = "FULL",
    };
}
