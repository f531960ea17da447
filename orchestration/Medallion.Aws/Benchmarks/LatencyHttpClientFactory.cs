using Amazon.Runtime;

namespace Medallion.Aws.Benchmarks;

/// <summary>
/// HTTP clients that wait a fixed time before each request: a stand-in for the network round trip
/// to S3 that a loopback moto server does not have. The wait is reported with the results.
/// </summary>
internal sealed class LatencyHttpClientFactory(TimeSpan latency) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
        new(new DelayHandler(latency) { InnerHandler = new SocketsHttpHandler { MaxConnectionsPerServer = 64 } });

    private sealed class DelayHandler(TimeSpan latency) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(latency, cancellationToken);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
