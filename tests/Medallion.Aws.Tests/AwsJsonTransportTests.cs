using System.Net;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Medallion.Aws.Http;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Aws.Tests;

public sealed class AwsJsonTransportTests
{
    // moto never throttles, so these answers come from a scripted handler.
    [Fact]
    public async Task SendAsync_ThrottledThen5xxThenOk_RetriesAndReturnsAnswer()
    {
        using var handler = new ScriptedHandler(
            (HttpStatusCode.BadRequest, """{"__type":"com.amazonaws#ThrottlingException","message":"slow down"}"""),
            (HttpStatusCode.ServiceUnavailable, ""),
            (HttpStatusCode.OK, """{"ok":true}"""));
        var sut = Transport(handler);

        var answer = await sut.SendAsync(HttpMethod.Post, "", new JsonObject(), "application/json");

        Assert.True(answer.GetProperty("ok").GetBoolean());
        Assert.Equal(3, handler.Calls);
    }

    [Fact]
    public async Task SendAsync_ValidationError_FailsAtOnceNotTransient()
    {
        using var handler = new ScriptedHandler((HttpStatusCode.BadRequest, """{"__type":"ValidationException","message":"bad role"}"""));
        var sut = Transport(handler);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => sut.SendAsync(HttpMethod.Post, "", new JsonObject(), "application/json"));

        Assert.False(error.IsTransient);
        Assert.Equal(1, handler.Calls);
        Assert.Equal("states POST / answered 400 ValidationException: bad role", error.Message);
    }

    private static AwsJsonTransport Transport(ScriptedHandler handler) => new(
        new HttpClient(handler), AwsEndpoint.For("states", "states", "us-east-1", "http://127.0.0.1:1"),
        new CredentialSource(new BasicAWSCredentials("a", "b")), new FakeTimeProvider(), new AwsRetryPolicy(5, TimeSpan.Zero, TimeSpan.Zero));

    private sealed class ScriptedHandler(params (HttpStatusCode Status, string Body)[] answers) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var (status, body) = answers[Calls++];
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body) });
        }
    }
}
