using System.Text.Json;
using System.Text.Json.Nodes;
using Medallion.Aws.Http;

namespace Medallion.Aws.Emr;

/// <summary>
/// EMR Serverless over its REST API (rest-json, SigV4 signing name <c>emr-serverless</c>); there
/// is no AWSSDK.EMRServerless package in this feed. Shapes follow
/// <c>emr-serverless-2021-07-13.service-2.json</c>, which the tests check them against.
/// </summary>
internal sealed class EmrServerlessClient(AwsJsonTransport transport) : IEmrServerlessClient
{
    public const string EndpointPrefix = "emr-serverless";
    public const string SigningName = "emr-serverless";
    private const string ContentType = "application/json";

    public async Task<EmrJobRun> StartJobRunAsync(EmrJobRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new JsonObject
        {
            ["clientToken"] = request.ClientToken,
            ["executionRoleArn"] = request.ExecutionRoleArn,
            ["name"] = request.Name,
            ["jobDriver"] = new JsonObject
            {
                ["sparkSubmit"] = new JsonObject
                {
                    ["entryPoint"] = request.EntryPoint,
                    ["entryPointArguments"] = new JsonArray([.. request.EntryPointArguments.Select(a => JsonValue.Create(a))]),
                    ["sparkSubmitParameters"] = request.SparkSubmitParameters,
                },
            },
        };
        if (request.LogUri is { } logUri)
        {
            body["configurationOverrides"] = new JsonObject
            {
                ["monitoringConfiguration"] = new JsonObject { ["s3MonitoringConfiguration"] = new JsonObject { ["logUri"] = logUri } },
            };
        }

        if (request.ExecutionTimeoutMinutes is { } timeout)
        {
            body["executionTimeoutMinutes"] = timeout;
        }

        var answer = await transport.SendAsync(HttpMethod.Post, $"applications/{Id(request.ApplicationId)}/jobruns", body, ContentType, cancellationToken: cancellationToken);
        return new EmrJobRun(
            Required(answer, "applicationId"), Required(answer, "jobRunId"), Required(answer, "arn"), EmrJobRunState.Submitted, "");
    }

    public async Task<EmrJobRun> GetJobRunAsync(string applicationId, string jobRunId, CancellationToken cancellationToken = default)
    {
        var answer = await transport.SendAsync(HttpMethod.Get, $"applications/{Id(applicationId)}/jobruns/{Id(jobRunId)}", null, ContentType, cancellationToken: cancellationToken);
        if (!answer.TryGetProperty("jobRun", out var run))
        {
            throw Malformed("GetJobRun", "jobRun");
        }

        return new EmrJobRun(
            Required(run, "applicationId"),
            Required(run, "jobRunId"),
            Required(run, "arn"),
            EmrJobRunStates.Parse(Required(run, "state")),
            run.TryGetProperty("stateDetails", out var details) && details.ValueKind == JsonValueKind.String ? details.GetString()! : "");
    }

    public async Task CancelJobRunAsync(string applicationId, string jobRunId, CancellationToken cancellationToken = default) =>
        await transport.SendAsync(HttpMethod.Delete, $"applications/{Id(applicationId)}/jobruns/{Id(jobRunId)}", null, ContentType, cancellationToken: cancellationToken);

    /// <summary>Ids reach the URL path; the model allows only <c>[0-9a-z]{1,64}</c>.</summary>
    private static string Id(string id) =>
        id is { Length: >= 1 and <= 64 } && id.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c))
            ? id
            : throw new ArgumentException($"'{id}' is not an EMR Serverless id: expected 1 to 64 of [0-9a-z].", nameof(id));

    private static string Required(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Malformed("the answer", name);

    private static AwsServiceException Malformed(string operation, string member) =>
        new($"EMR Serverless {operation} has no '{member}' member; the service and this client disagree on the API shape.", SigningName, null, null, isTransient: false);
}
