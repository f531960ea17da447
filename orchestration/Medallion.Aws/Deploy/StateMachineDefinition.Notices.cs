using System.Text.Json.Nodes;
using Medallion.Aws.Artifacts;
using Medallion.Orchestration.Outcomes;

namespace Medallion.Aws.Deploy;

/// <summary>The failure and success paths: which state failed, the step's outcome file, and the SNS notices.</summary>
public static partial class StateMachineDefinition
{
    /// <summary>Records which state failed (the Catch put its error at <c>$.failure</c>) and which step's outcome file to read.</summary>
    private static JsonObject StepFailed(string state, string step) => new()
    {
        ["Type"] = "Pass",
        ["Parameters"] = new JsonObject
        {
            ["state"] = state,
            ["step"] = step,
            ["Error.$"] = "$.failure.Error",
            ["Cause.$"] = "$.failure.Cause",
        },
        ["ResultPath"] = "$.failure",
        ["Next"] = "ReadFailureOutcome",
    };

    /// <summary>
    /// Reads a step's outcome file (<see cref="StepOutcome"/>: per table the status, counts and failed
    /// checks) into <c>$.outcome</c>. A job that died before writing it leaves no file; the error
    /// then takes its place and the notice goes out all the same.
    /// </summary>
    /// <param name="stepPath">A path to the step name, or a quoted literal.</param>
    private static JsonObject ReadOutcome(S3Uri lake, string stepPath, string next, string onError)
    {
        var prefix = lake.Key.Length == 0 ? "" : lake.Key + "/";
        if (prefix.IndexOfAny(['\'', '{', '}', '\\']) >= 0)
        {
            throw new ArgumentException($"The lake prefix '{lake.Key}' cannot go into a States.Format template: it has a quote, brace or backslash.");
        }

        // StepOutcome.PathOf with the dataset, run key and step left to States.Format.
        var key = $"{StepOutcome.Folder}/{{}}/run_key={{}}/{{}}.json";
        return new JsonObject
        {
            ["Type"] = "Task",
            ["Resource"] = "arn:aws:states:::aws-sdk:s3:getObject",
            ["Parameters"] = new JsonObject
            {
                ["Bucket"] = lake.Bucket,
                ["Key.$"] = $"States.Format('{prefix}{key}', $.context.dataset, $.context.runKey, {stepPath})",
            },
            ["ResultSelector"] = new JsonObject { ["value.$"] = "States.StringToJson($.Body)" },
            ["ResultPath"] = "$.outcome",
            ["TimeoutSeconds"] = 60,
            ["Retry"] = new JsonArray(Retrier(3, 2, "S3.SdkClientException", "S3.S3Exception")),
            ["Catch"] = Catch(onError, "$.outcome"),
            ["Next"] = next,
        };
    }

    /// <summary>The message: environment, execution, dataset, run key, job runs, the outcome file, and for a failure the failed state with its error.</summary>
    private static JsonObject Notice(string result, AwsEnvironment environment, bool withFailure, string next)
    {
        var notice = new JsonObject
        {
            ["result"] = result,
            ["environment"] = environment.Name,
            ["execution.$"] = "$$.Execution.Id",
            ["dataset.$"] = "$.context.dataset",
            ["runKey.$"] = "$.context.runKey",
            ["outcome.$"] = "$.outcome",
        };
        if (withFailure)
        {
            notice["failedState.$"] = "$.failure.state";
            notice["error.$"] = "$.failure.Error";
            notice["cause.$"] = "$.failure.Cause";
        }
        else
        {
            notice["jobRuns.$"] = "$.jobs";
        }

        return new JsonObject { ["Type"] = "Pass", ["Parameters"] = notice, ["ResultPath"] = "$.notice", ["Next"] = next };
    }

    private static JsonObject Publish(string topic, string subject, string next, string onError) => new()
    {
        ["Type"] = "Task",
        ["Resource"] = "arn:aws:states:::sns:publish",
        ["Parameters"] = new JsonObject
        {
            ["TopicArn"] = topic,
            ["Subject"] = subject,
            ["Message.$"] = "States.JsonToString($.notice)",
        },
        ["ResultPath"] = "$.published",
        ["TimeoutSeconds"] = 60,
        ["Retry"] = new JsonArray(Retrier(4, 10, "SNS.ThrottledException", "SNS.InternalErrorException", "SNS.KMSThrottlingException")),
        ["Catch"] = Catch(onError, "$.publishError"),
        ["Next"] = next,
    };
}
