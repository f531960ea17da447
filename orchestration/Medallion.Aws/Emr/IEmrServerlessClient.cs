namespace Medallion.Aws.Emr;

/// <summary>The three EMR Serverless calls Medallion needs.</summary>
/// <remarks>Every call throws <see cref="Http.AwsServiceException"/> when the service refuses or cannot be reached after retries.</remarks>
public interface IEmrServerlessClient
{
    Task<EmrJobRun> StartJobRunAsync(EmrJobRunRequest request, CancellationToken cancellationToken = default);

    Task<EmrJobRun> GetJobRunAsync(string applicationId, string jobRunId, CancellationToken cancellationToken = default);

    Task CancelJobRunAsync(string applicationId, string jobRunId, CancellationToken cancellationToken = default);
}
