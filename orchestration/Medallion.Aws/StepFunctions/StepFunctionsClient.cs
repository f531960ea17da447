using System.Text.Json;
using System.Text.Json.Nodes;
using Medallion.Aws.Http;

namespace Medallion.Aws.StepFunctions;

/// <summary>
/// Step Functions over its JSON 1.0 API (<c>X-Amz-Target: AWSStepFunctions.&lt;Operation&gt;</c>,
/// SigV4 signing name <c>states</c>); shapes follow <c>stepfunctions-2016-11-23.service-2.json</c>.
/// </summary>
internal sealed class StepFunctionsClient(AwsJsonTransport transport) : IStepFunctionsClient
{
    public const string EndpointPrefix = "states";
    public const string SigningName = "states";
    public const string TargetPrefix = "AWSStepFunctions";
    public const string ContentType = "application/x-amz-json-1.0";

    public async Task<string> StartExecutionAsync(string stateMachineArn, string name, string input, CancellationToken cancellationToken = default)
    {
        var answer = await CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = stateMachineArn, ["name"] = name, ["input"] = input }, cancellationToken);
        return Required(answer, "executionArn");
    }

    public async Task<SfnExecution> DescribeExecutionAsync(string executionArn, CancellationToken cancellationToken = default)
    {
        var answer = await CallAsync("DescribeExecution", new JsonObject { ["executionArn"] = executionArn }, cancellationToken);
        return new SfnExecution(
            Required(answer, "executionArn"),
            Required(answer, "stateMachineArn"),
            Optional(answer, "name") ?? "",
            Required(answer, "status"),
            Timestamp(answer, "startDate"),
            Optional(answer, "error"),
            Optional(answer, "cause"));
    }

    public async Task<string?> FindStateMachineAsync(string name, CancellationToken cancellationToken = default)
    {
        string? nextToken = null;
        do
        {
            var body = new JsonObject { ["maxResults"] = 1000 };
            if (nextToken is not null)
            {
                body["nextToken"] = nextToken;
            }

            var answer = await CallAsync("ListStateMachines", body, cancellationToken);
            foreach (var machine in answer.GetProperty("stateMachines").EnumerateArray())
            {
                if (Optional(machine, "name") == name)
                {
                    return Required(machine, "stateMachineArn");
                }
            }

            nextToken = Optional(answer, "nextToken");
        }
        while (nextToken is not null);
        return null;
    }

    private Task<JsonElement> CallAsync(string operation, JsonObject body, CancellationToken cancellationToken) =>
        transport.SendAsync(HttpMethod.Post, "", body, ContentType, new Dictionary<string, string> { ["X-Amz-Target"] = $"{TargetPrefix}.{operation}" }, cancellationToken);

    private static string? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Required(JsonElement element, string name) =>
        Optional(element, name) ?? throw new AwsServiceException(
            $"Step Functions answered without '{name}'; the service and this client disagree on the API shape.", SigningName, null, null, isTransient: false);

    /// <summary>JSON 1.0 timestamps are epoch seconds with a fraction.</summary>
    private static DateTimeOffset Timestamp(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(value.GetDouble() * 1000))
            : DateTimeOffset.MinValue;
}
