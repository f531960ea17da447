using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Medallion.Jobs.Config;

namespace Medallion.Aws.Artifacts;

/// <summary>Artifact uploads through AWSSDK.S3 (path-style when the environment overrides the endpoint).</summary>
public sealed class S3ArtifactStore(IAmazonS3 s3) : IArtifactStore, IDisposable
{
    public static S3ArtifactStore Create(AwsSpec aws, AWSCredentials? credentials = null)
    {
        ArgumentNullException.ThrowIfNull(aws);
        var config = new AmazonS3Config { RegionEndpoint = RegionEndpoint.GetBySystemName(aws.Region) };
        if (!string.IsNullOrWhiteSpace(aws.EndpointUrl))
        {
            config.ServiceURL = aws.EndpointUrl;
            config.ForcePathStyle = true;
            config.AuthenticationRegion = aws.Region;
        }

        return new S3ArtifactStore(credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(credentials, config));
    }

    public async Task PutAsync(S3Uri target, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        try
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = target.Bucket, Key = target.Key, InputStream = content, AutoCloseStream = false }, cancellationToken);
        }
        catch (AmazonServiceException error)
        {
            throw new MedallionException(
                $"Uploading to {target} failed: {(int)error.StatusCode} {error.ErrorCode}: {error.Message}", isTransient: (int)error.StatusCode >= 500, error);
        }
    }

    public void Dispose() => s3.Dispose();
}
