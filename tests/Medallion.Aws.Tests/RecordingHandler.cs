namespace Medallion.Aws.Tests;

/// <summary>Passes requests on to the real server (moto) and keeps what went over the wire.</summary>
internal sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public List<(HttpMethod Method, Uri Uri, Dictionary<string, string> Headers, string Body, int Status, string Answer)> Exchanges { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.Concat(request.Content?.Headers.AsEnumerable() ?? [])
            .ToDictionary(h => h.Key, h => string.Join(',', h.Value), StringComparer.OrdinalIgnoreCase);
        var response = await base.SendAsync(request, cancellationToken);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken);
        Exchanges.Add((request.Method, request.RequestUri!, headers, body, (int)response.StatusCode, answer));
        return response;
    }
}
