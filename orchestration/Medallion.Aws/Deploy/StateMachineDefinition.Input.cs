using System.Text.Json.Nodes;
using Medallion.Jobs.Config;

namespace Medallion.Aws.Deploy;

/// <summary>The input check, the two kinds of start, and the run context every later state reads.</summary>
public static partial class StateMachineDefinition
{
    /// <summary>
    /// The first state. Input is checked before anything reads it: a missing, non-text or unknown
    /// <c>dataset</c>, or an S3 event without bucket or key, goes to the failure path (and its
    /// notice) instead of failing a later state with <c>States.Runtime</c>, which no Catch sees.
    /// A start without <c>detail</c> (a schedule's, <c>medallion schedule trigger</c>'s) runs the
    /// dataset over what is new; one shaped like an EventBridge S3 <c>Object Created</c> event
    /// (<c>detail.bucket.name</c>, <c>detail.object.key</c>, the shape the trigger rules send) runs
    /// exactly that object, after the event run limit.
    /// </summary>
    private static JsonObject PrepareInput(MedallionConfiguration configuration)
    {
        // Rules run in order and the first match wins, so no later rule reads a missing or non-text
        // value (a comparison on a path that does not exist is itself a States.Runtime error).
        var known = new JsonArray([.. configuration.Datasets.Select(d => (JsonNode)new JsonObject { ["Variable"] = "$.dataset", ["StringEquals"] = d.Name })]);
        var isKnown = known.Count == 1 ? known[0]!.DeepClone().AsObject() : new JsonObject { ["Or"] = known };
        return new JsonObject
        {
            ["Type"] = "Choice",
            ["Comment"] = "The input must be {\"dataset\": \"<a configured dataset>\"}, optionally with an S3 event's detail (bucket.name, object.key).",
            ["Choices"] = new JsonArray(
                Rejected(new JsonObject { ["Not"] = new JsonObject { ["Variable"] = "$.dataset", ["IsPresent"] = true } }),
                Rejected(new JsonObject { ["Not"] = new JsonObject { ["Variable"] = "$.dataset", ["IsString"] = true } }),
                Rejected(new JsonObject { ["Not"] = isKnown }),
                Next(new JsonObject { ["Not"] = new JsonObject { ["Variable"] = "$.detail", ["IsPresent"] = true } }, "CaptureRunContext"),
                Rejected(new JsonObject { ["Not"] = new JsonObject { ["Variable"] = EventBucket, ["IsPresent"] = true } }),
                Rejected(new JsonObject { ["Not"] = new JsonObject { ["Variable"] = EventKey, ["IsPresent"] = true } }),
                Rejected(new JsonObject { ["Not"] = new JsonObject { ["Variable"] = EventBucket, ["IsString"] = true } }),
                Rejected(new JsonObject { ["Not"] = new JsonObject { ["Variable"] = EventKey, ["IsString"] = true } })),
            ["Default"] = "CaptureObjectRunContext",
        };
    }

    private const string EventBucket = "$.detail.bucket.name";
    private const string EventKey = "$.detail.object.key";

    private static JsonObject Rejected(JsonObject rule) => Next(rule, "InputRejected");

    private static JsonObject Next(JsonObject rule, string next)
    {
        rule["Next"] = next;
        return rule;
    }

    /// <summary>The failure the notice reports for a bad input; the input itself goes along so the notice shows it.</summary>
    private static JsonObject InputRejected(MedallionConfiguration configuration) => new()
    {
        ["Type"] = "Pass",
        ["Parameters"] = new JsonObject
        {
            ["input.$"] = "$",
            ["context"] = new JsonObject { ["dataset"] = "(none)", ["runKey.$"] = "$$.Execution.Name" },
            ["failure"] = new JsonObject
            {
                ["state"] = "PrepareInput",
                ["step"] = "input",
                ["Error"] = "Medallion.InvalidInput",
                ["Cause"] = $"The input must be {{\"dataset\": \"<name>\"}} naming one of: {string.Join(", ", configuration.Datasets.Select(d => d.Name))}; " +
                    "an S3 event's input also needs text at detail.bucket.name and detail.object.key.",
            },
            ["outcome"] = new JsonObject(),
        },
        ["Next"] = "FailureNotice",
    };

    /// <summary>
    /// The run key is the execution name (a scheduler's, an EventBridge rule's or <c>medallion
    /// schedule trigger</c>'s); the execution ARN and state machine name go to every job, so each
    /// ledger names what ran it. An S3 event's run also keeps its object, for the bronze job.
    /// </summary>
    private static JsonObject CaptureRunContext(bool withObject)
    {
        var context = new JsonObject
        {
            ["dataset.$"] = "$.dataset",
            ["runKey.$"] = "$$.Execution.Name",
            ["executionArn.$"] = "$$.Execution.Id",
            ["stateMachine.$"] = "$$.StateMachine.Name",
        };
        if (withObject)
        {
            context["object.$"] = $"States.Format('s3://{{}}/{{}}', {EventBucket}, {EventKey})";
        }

        return new JsonObject
        {
            ["Type"] = "Pass",
            ["Parameters"] = context,
            ["ResultPath"] = "$.context",
            ["Next"] = withObject ? "CountRunningExecutions" : "Bronze",
        };
    }
}
