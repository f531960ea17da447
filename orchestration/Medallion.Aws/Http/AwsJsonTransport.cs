using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Medallion.Aws.Signing;

namespace Medallion.Aws.Http;

/// <summary>
/// Sends signed JSON requests to one AWS service and turns error answers into
/// <see cref="AwsServiceException"/>s; throttling, 5xx and network failures are retried with
/// <see cref="AwsRetryPolicy"/>. Serves both rest-json (EMR Serverless) and json 1.0 (Step Functions).
/// </summary>
internal sealed class AwsJsonTransport(HttpClient http, AwsEndpoint endpoint, CredentialSource credentials, TimeProvider clock, AwsRetryPolicy retry)
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "ThrottlingException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded", "ProvisionedThroughputExceededException",
        "ServiceUnavailable", "ServiceUnavailableException", "InternalServerException", "InternalFailure", "RequestTimeout",
    };

    public AwsEndpoint Endpoint { get; } = endpoint;

    /// <summary>Sends one request (retrying transient failures) and returns the parsed JSON answer.</summary>
    /// <param name="path">Relative to the endpoint, e.g. <c>applications/abc/jobruns</c>, with any query.</param>
    /// <param name="headers">Extra headers to sign and send, e.g. <c>X-Amz-Target</c>.</param>
    public Task<JsonElement> SendAsync(HttpMethod method, string path, JsonNode? body, string contentType, IReadOnlyDictionary<string, string>? headers = null, CancellationToken cancellationToken = default) =>
        retry.ExecuteAsync(token => SendOnceAsync(method, path, body, contentType, headers, token), clock, cancellationToken);

    /// <summary>Builds and signs the request exactly as it will be sent (exposed for the signature tests).</summary>
    public async Task<HttpRequestMessage> CreateSignedRequestAsync(HttpMethod method, string path, JsonNode? body, string contentType, IReadOnlyDictionary<string, string>? headers)
    {
        var request = new HttpRequestMessage(method, new Uri(Endpoint.BaseUri, path));
        var bytes = body is null ? [] : JsonSerializer.SerializeToUtf8Bytes(body);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var identity = await credentials.GetAsync();
        SigV4Signer.Sign(request, bytes, identity, Endpoint.Region, Endpoint.SigningName, clock.GetUtcNow());
        return request;
    }

    private async Task<JsonElement> SendOnceAsync(HttpMethod method, string path, JsonNode? body, string contentType, IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken)
    {
        var where = $"{Endpoint.SigningName} {method} /{path.Split('?')[0]}";
        using var request = await CreateSignedRequestAsync(method, path, body, contentType, headers);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException network)
        {
            throw new AwsServiceException($"{where}: {Endpoint.BaseUri} could not be reached: {network.Message}", Endpoint.SigningName, null, null, isTransient: true, network);
        }
        catch (TaskCanceledException timeout) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AwsServiceException($"{where}: no answer from {Endpoint.BaseUri} within {http.Timeout.TotalSeconds:0} s.", Endpoint.SigningName, null, null, isTransient: true, timeout);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
                return document.RootElement.Clone();
            }

            throw ToException(where, response, text);
        }
    }

    private AwsServiceException ToException(string where, HttpResponseMessage response, string text)
    {
        string? code = null;
        string? message = null;
        if (response.Headers.TryGetValues("x-amzn-ErrorType", out var types))
        {
            code = types.First().Split(':')[0];
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            code ??= Text(root, "__type") ?? Text(root, "code");
            message = Text(root, "message") ?? Text(root, "Message");
        }
        catch (JsonException)
        {
            message = text.Length > 200 ? text[..200] : text;
        }

        // json 1.0 codes arrive as "namespace#Code".
        code = code?[(code.LastIndexOf('#') + 1)..];
        var status = response.StatusCode;
        var transient = (int)status >= 500 || status == HttpStatusCode.TooManyRequests || (code is not null && ThrottlingCodes.Contains(code));
        return new AwsServiceException(
            $"{where} answered {(int)status} {code ?? "(no error code)"}: {message ?? "(no message)"}", Endpoint.SigningName, code, status, transient);
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
