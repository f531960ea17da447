using System.Text.Json.Nodes;
using Amazon.Runtime;
using Medallion.Aws.Emr;
using Medallion.Jobs.Config;
using Medallion.Testing.Moto;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Aws.Tests;

/// <summary>AWS clients pointed at the moto server, recording what they send.</summary>
internal sealed class MotoClients : IDisposable
{
    private readonly HttpClient _http;

    public MotoClients(MotoServer moto)
    {
        Recorder = new RecordingHandler();
        _http = new HttpClient(Recorder);
        Settings = new AwsSpec(MotoServer.Region, EndpointUrl: moto.Endpoint.ToString());
        Sut = new AwsClients(Settings, Clock, new BasicAWSCredentials(MotoServer.AccessKey, MotoServer.SecretKey), _http);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero));

    public RecordingHandler Recorder { get; }

    public AwsSpec Settings { get; }

    public AwsClients Sut { get; }

    /// <summary>Creates a Spark application in moto (not a call Medallion makes: applications come from the template).</summary>
    public async Task<string> CreateApplicationAsync()
    {
        var transport = Sut.Transport(EmrServerlessClient.EndpointPrefix, EmrServerlessClient.SigningName);
        var answer = await transport.SendAsync(HttpMethod.Post, "applications", new JsonObject
        {
            ["name"] = "medallion-test",
            ["releaseLabel"] = "emr-7.2.0",
            ["type"] = "SPARK",
            ["clientToken"] = Guid.NewGuid().ToString("N"),
        }, "application/json");
        return answer.GetProperty("applicationId").GetString()!;
    }

    public void Dispose() => _http.Dispose();
}
