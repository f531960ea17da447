using System.Text.Json.Nodes;

namespace Medallion.Aws.Deploy;

/// <summary>
/// The bound on runs S3 events start. Every landed object starts an execution (an EventBridge
/// rule targets the state machine directly), so a thousand objects landing at once would be a
/// thousand concurrent bronze, silver and promote job runs. Before any job, an event's execution
/// counts the running executions of the state machine (itself included); beyond
/// <c>aws.pipeline.event_run_limit</c> it ends at once as <c>EventDeferred</c>. Its object is not
/// lost: it stays in raw, bronze has not recorded it as ingested, and the dataset's next run
/// without <c>--object</c> (its <c>schedule:</c>, or <c>medallion run</c>) ingests it with
/// everything else that is new.
/// </summary>
public static partial class StateMachineDefinition
{
    /// <summary>One page of <c>ListExecutions</c>: at most one more than the limit, which is all the Choice needs to know.</summary>
    private static JsonObject CountRunningExecutions(int limit) => new()
    {
        ["Type"] = "Task",
        ["Resource"] = "arn:aws:states:::aws-sdk:sfn:listExecutions",
        ["Parameters"] = new JsonObject
        {
            ["StateMachineArn.$"] = "$$.StateMachine.Id",
            ["StatusFilter"] = "RUNNING",
            ["MaxResults"] = limit + 1,
        },
        ["ResultSelector"] = new JsonObject { ["count.$"] = "States.ArrayLength($.Executions)" },
        ["ResultPath"] = "$.running",
        ["TimeoutSeconds"] = 60,
        ["Retry"] = new JsonArray(Retrier(4, 2, "Sfn.SfnException", "Sfn.ThrottlingException", "States.TaskFailed")),
        // A guard that cannot count does not let the run through unbounded: the failure path says why.
        ["Catch"] = Catch("CountRunningExecutionsFailed", "$.failure"),
        ["Next"] = "WithinEventRunLimit",
    };

    private static JsonObject WithinEventRunLimit(int limit) => new()
    {
        ["Type"] = "Choice",
        ["Comment"] = $"At most {limit} running executions (this one included) for an S3 event's run to go on; aws.pipeline.event_run_limit.",
        ["Choices"] = new JsonArray(new JsonObject { ["Variable"] = "$.running.count", ["NumericGreaterThan"] = limit, ["Next"] = "EventDeferred" }),
        ["Default"] = "BronzeObject",
    };

    private static JsonObject EventDeferred() => new()
    {
        ["Type"] = "Succeed",
        ["Comment"] = "Too many executions are running: this event's object stays in raw for the dataset's next run without --object, which ingests everything new.",
    };
}
