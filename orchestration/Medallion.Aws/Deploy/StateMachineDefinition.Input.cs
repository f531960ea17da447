using System.Text.Json.Nodes;
using Medallion.Jobs.Config;

namespace Medallion.Aws.Deploy;

/// <summary>The input check and the run context every later state reads.</summary>
public static partial class StateMachineDefinition
{
    /// <summary>
    /// Input is checked before anything reads it: a missing, non-text or unknown <c>dataset</c> goes
    /// to the failure path (and its notice) instead of failing <c>CaptureRunContext</c> with
    /// <c>States.Runtime</c>, which no Catch sees.
    /// </summary>
    private static JsonObject ValidateInput(MedallionConfiguration configuration)
    {
        // Rules run in order and the first match wins, so no later rule reads a missing or non-text
        // dataset (a comparison on a path that does not exist is itself a States.Runtime error).
        var known = new JsonArray([.. configuration.Datasets.Select(d => (JsonNode)new JsonObject { ["Variable"] = "$.dataset", ["StringEquals"] = d.Name })]);
        return new JsonObject
        {
            ["Type"] = "Choice",
            ["Comment"] = "The input must be {\"dataset\": \"<a configured dataset>\"}.",
            ["Choices"] = new JsonArray(
                new JsonObject { ["Not"] = new JsonObject { ["Variable"] = "$.dataset", ["IsPresent"] = true }, ["Next"] = "InputRejected" },
                new JsonObject { ["Not"] = new JsonObject { ["Variable"] = "$.dataset", ["IsString"] = true }, ["Next"] = "InputRejected" },
                known.Count == 1
                    ? Next(known[0]!.DeepClone().AsObject(), "CaptureRunContext")
                    : new JsonObject { ["Or"] = known, ["Next"] = "CaptureRunContext" }),
            ["Default"] = "InputRejected",
        };
    }

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
                ["state"] = "ValidateInput",
                ["step"] = "input",
                ["Error"] = "Medallion.InvalidInput",
                ["Cause"] = $"The input must be {{\"dataset\": \"<name>\"}} naming one of: {string.Join(", ", configuration.Datasets.Select(d => d.Name))}.",
            },
            ["outcome"] = new JsonObject(),
        },
        ["Next"] = "FailureNotice",
    };

    /// <summary>
    /// The run key is the execution name (a scheduler's or <c>medallion schedule trigger</c>'s); the
    /// execution ARN and state machine name go to every job, so each ledger names what ran it.
    /// </summary>
    private static JsonObject CaptureRunContext() => new()
    {
        ["Type"] = "Pass",
        ["Parameters"] = new JsonObject
        {
            ["dataset.$"] = "$.dataset",
            ["runKey.$"] = "$$.Execution.Name",
            ["executionArn.$"] = "$$.Execution.Id",
            ["stateMachine.$"] = "$$.StateMachine.Name",
        },
        ["ResultPath"] = "$.context",
        ["Next"] = "Bronze",
    };
}
