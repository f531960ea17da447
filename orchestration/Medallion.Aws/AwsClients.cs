using Amazon.Runtime;
using Medallion.Aws.Emr;
using Medallion.Aws.Http;
using Medallion.Aws.StepFunctions;
using Medallion.Jobs.Config;

namespace Medallion.Aws;

/// <summary>
/// Builds the AWS clients of one environment: its region, its endpoint override (moto in tests),
/// and credentials from AWSSDK.Core's default chain (environment, profile, SSO, container, instance).
/// </summary>
public sealed class AwsClients(AwsSpec aws, TimeProvider clock, AWSCredentials? credentials = null, HttpClient? http = null)
{
    private readonly HttpClient _http = http ?? SharedHttp;
    private readonly CredentialSource _credentials = new(credentials);

    private static HttpClient SharedHttp { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public AwsSpec Settings { get; } = aws;

    public IEmrServerlessClient EmrServerless() =>
        new EmrServerlessClient(Transport(EmrServerlessClient.EndpointPrefix, EmrServerlessClient.SigningName));

    public IStepFunctionsClient StepFunctions() =>
        new StepFunctionsClient(Transport(StepFunctionsClient.EndpointPrefix, StepFunctionsClient.SigningName));

    internal AwsJsonTransport Transport(string endpointPrefix, string signingName) =>
        new(_http, AwsEndpoint.For(endpointPrefix, signingName, Settings.Region, Settings.EndpointUrl), _credentials, clock, AwsRetryPolicy.Default);
}
