using System.Text.Json.Nodes;
using Medallion.Aws.Artifacts;
using Medallion.Aws.Submit;

namespace Medallion.Aws.Deploy;

/// <summary>
/// The pipeline in Amazon States Language: CaptureRunContext (run key = execution name) → Bronze →
/// Silver → ValidateAndPromote (each an EMR Serverless job run, <c>startJobRun.sync</c>) → Success;
/// any task's error → NotifyFailure (SNS) → Failed. One state machine per environment; the
/// schedule's input names the dataset. <c>${…}</c> placeholders are CloudFormation
/// <c>DefinitionSubstitutions</c> for resources the template creates.
/// </summary>
public static class StateMachineDefinition
{
    public const string ApplicationIdPlaceholder = "${EmrApplicationId}";
    public const string JobRoleArnPlaceholder = "${JobRoleArn}";
    public const string FailureTopicArnPlaceholder = "${FailureTopicArn}";

    /// <summary>Spark steps may run for hours on large inputs; promotion is a short job.</summary>
    public static readonly TimeSpan SparkStepTimeout = TimeSpan.FromHours(4);
    public static readonly TimeSpan PromoteTimeout = TimeSpan.FromHours(1);

    private const string DatasetToken = "\u0001dataset";
    private const string RunKeyToken = "\u0001runKey";

    public static JsonObject Build(AwsEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var artifacts = ArtifactLayout.For(environment.Aws.ArtifactsPrefix!);
        return new JsonObject
        {
            ["Comment"] = $"Medallion pipeline of environment {environment.Name}: bronze, silver, validate and promote one dataset (input: {{\"dataset\": \"…\"}}).",
            ["StartAt"] = "CaptureRunContext",
            ["States"] = new JsonObject
            {
                ["CaptureRunContext"] = new JsonObject
                {
                    ["Type"] = "Pass",
                    ["Comment"] = "The execution name is the run key: a scheduler's or `medallion schedule trigger`'s.",
                    ["Parameters"] = new JsonObject { ["runKey.$"] = "$$.Execution.Name", ["dataset.$"] = "$.dataset" },
                    ["ResultPath"] = "$.context",
                    ["Next"] = "Bronze",
                },
                ["Bronze"] = JobTask(environment, artifacts, SparkJob.Bronze, SparkStepTimeout, "Silver"),
                ["Silver"] = JobTask(environment, artifacts, SparkJob.Silver, SparkStepTimeout, "ValidateAndPromote"),
                ["ValidateAndPromote"] = JobTask(environment, artifacts, SparkJob.Promote, PromoteTimeout, "Success"),
                ["Success"] = new JsonObject { ["Type"] = "Succeed" },
                ["NotifyFailure"] = new JsonObject
                {
                    ["Type"] = "Task",
                    ["Resource"] = "arn:aws:states:::sns:publish",
                    ["Parameters"] = new JsonObject
                    {
                        ["TopicArn"] = FailureTopicArnPlaceholder,
                        ["Subject"] = $"Medallion run failed ({environment.Name})",
                        ["Message.$"] = "States.JsonToString($)",
                    },
                    ["ResultPath"] = "$.notification",
                    ["TimeoutSeconds"] = 60,
                    ["Retry"] = Retry("SNS.ThrottledException", "SNS.InternalErrorException"),
                    ["Catch"] = Catch("Failed", "$.notificationError"),
                    ["Next"] = "Failed",
                },
                ["Failed"] = new JsonObject { ["Type"] = "Fail", ["Error"] = "MedallionRunFailed", ["Cause"] = "A step failed; the failure topic has the details." },
            },
        };
    }

    private static JsonObject JobTask(AwsEnvironment environment, ArtifactLayout artifacts, string step, TimeSpan timeout, string next)
    {
        var arguments = SparkJob.Arguments(artifacts, environment.Name, DatasetToken, null, step, RunKeyToken);
        var parameters = new JsonObject
        {
            ["ApplicationId"] = ApplicationIdPlaceholder,
            ["ExecutionRoleArn"] = JobRoleArnPlaceholder,
            ["Name.$"] = $"States.Format('{{}}-{step}-{{}}', $.context.dataset, $.context.runKey)",
            // Stable per run key and step: a retried start returns the job run already started.
            ["ClientToken.$"] = $"States.Hash(States.Format('{{}}/{step}/{{}}', $.context.runKey, $.context.dataset), 'SHA-256')",
            ["JobDriver"] = new JsonObject
            {
                ["SparkSubmit"] = new JsonObject
                {
                    ["EntryPoint"] = artifacts.Jar.ToString(),
                    ["EntryPointArguments.$"] = $"States.Array({string.Join(", ", arguments.Select(Intrinsic))})",
                    ["SparkSubmitParameters"] = SparkJob.SparkSubmitParameters,
                },
            },
        };
        if (environment.Aws.LogUri is { } logUri)
        {
            parameters["ConfigurationOverrides"] = new JsonObject
            {
                ["MonitoringConfiguration"] = new JsonObject { ["S3MonitoringConfiguration"] = new JsonObject { ["LogUri"] = logUri } },
            };
        }

        return new JsonObject
        {
            ["Type"] = "Task",
            ["Resource"] = "arn:aws:states:::emr-serverless:startJobRun.sync",
            ["Parameters"] = parameters,
            ["ResultPath"] = $"$.{step}",
            ["TimeoutSeconds"] = (int)timeout.TotalSeconds,
            ["Retry"] = Retry("EMRServerless.ThrottlingException", "EMRServerless.InternalServerException", "EMRServerless.ServiceQuotaExceededException"),
            ["Catch"] = Catch("NotifyFailure", "$.error"),
            ["Next"] = next,
        };
    }

    /// <summary>Transient service errors only: a failed Spark job is not retried blindly.</summary>
    private static JsonArray Retry(params string[] errors) =>
    [
        new JsonObject
        {
            ["ErrorEquals"] = new JsonArray([.. errors.Select(e => JsonValue.Create(e))]),
            ["IntervalSeconds"] = 10,
            ["MaxAttempts"] = 4,
            ["BackoffRate"] = 2.0,
            ["JitterStrategy"] = "FULL",
        },
    ];

    private static JsonArray Catch(string next, string resultPath) =>
        [new JsonObject { ["ErrorEquals"] = new JsonArray("States.ALL"), ["ResultPath"] = resultPath, ["Next"] = next }];

    /// <summary>One argument of <c>States.Array</c>: a path for the run's values, otherwise a quoted literal.</summary>
    private static string Intrinsic(string argument) => argument switch
    {
        DatasetToken => "$.context.dataset",
        RunKeyToken => "$.context.runKey",
        _ when argument.IndexOfAny(['\'', '{', '}', '\\']) >= 0 =>
            throw new ArgumentException($"'{argument}' cannot be a States.Array literal: it has a quote, brace or backslash."),
        _ => $"'{argument}'",
    };
}
