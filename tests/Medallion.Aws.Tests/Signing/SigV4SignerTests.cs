using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Medallion.Aws.Emr;
using Medallion.Aws.Http;
using Medallion.Aws.StepFunctions;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Aws.Tests.Signing;

public sealed class SigV4SignerTests
{
    private static readonly DateTimeOffset SignedAt = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    public static TheoryData<string, string, string, string?, string?> Requests => new()
    {
        // endpoint prefix/signing name, method, path, body, session token
        { EmrServerlessClient.SigningName, "POST", "applications/00fabc123/jobruns", """{"clientToken":"abc","executionRoleArn":"arn:aws:iam::123456789012:role/job"}""", null },
        { EmrServerlessClient.SigningName, "GET", "applications/00fabc123/jobruns/00jr42?attempt=2", null, null },
        { EmrServerlessClient.SigningName, "DELETE", "applications/00fabc123/jobruns/00jr42", null, "session-token/with+odd=chars" },
        { StepFunctionsClient.SigningName, "POST", "", """{"stateMachineArn":"arn:aws:states:eu-west-1:123456789012:stateMachine:medallion-prod","name":"k1"}""", null },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Sign_SameRequestTimeAndCredentials_AuthorizationEqualsBotocore(string service, string method, string path, string? body, string? token)
    {
        AWSCredentials credentials = token is null ? new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY") : new SessionAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", token);
        var endpoint = AwsEndpoint.For(service, service, "eu-west-1", null);
        var sut = new AwsJsonTransport(new HttpClient(), endpoint, new CredentialSource(credentials), new FakeTimeProvider(SignedAt), AwsRetryPolicy.Default);
        var headers = service == StepFunctionsClient.SigningName ? new Dictionary<string, string> { ["X-Amz-Target"] = "AWSStepFunctions.StartExecution" } : null;
        var contentType = service == StepFunctionsClient.SigningName ? StepFunctionsClient.ContentType : "application/json";

        using var request = await sut.CreateSignedRequestAsync(new HttpMethod(method), path, body is null ? null : JsonNode.Parse(body), contentType, headers);

        var bytes = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync();
        var sent = request.Headers.Concat(request.Content?.Headers.AsEnumerable() ?? [])
            .Where(h => h.Key is not "Authorization")
            .ToDictionary(h => h.Key, h => string.Join(',', h.Value));
        var spec = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["method"] = method,
            ["url"] = request.RequestUri!.ToString(),
            ["headers"] = sent,
            ["body_base64"] = Convert.ToBase64String(bytes),
            ["access_key"] = "AKIDEXAMPLE",
            ["secret_key"] = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            ["token"] = token,
            ["region"] = "eu-west-1",
            ["service"] = service,
            ["time"] = "20261123T093000Z",
        });
        var expected = await Python.RunAsync("Signing/botocore_sign.py", spec);

        Assert.Equal(expected, request.Headers.GetValues("Authorization").Single());
    }
}
