using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace Medallion.Delta.S3;

/// <summary>Building the SDK client from <see cref="S3StoreSettings"/>.</summary>
public sealed partial class S3ObjectStore
{
    private static IAmazonS3 CreateClient(S3StoreSettings settings)
    {
        var config = new AmazonS3Config();
        if (settings.EndpointUrl is { } endpoint)
        {
            // ServiceURL and RegionEndpoint exclude each other; the region still signs requests.
            config.ServiceURL = endpoint.ToString();
            config.ForcePathStyle = true;
            config.AuthenticationRegion = settings.Region;
        }
        else if (settings.Region is { } region)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        if (settings.MaxErrorRetry is { } retries)
        {
            config.MaxErrorRetry = retries;
        }

        return settings.Credentials switch
        {
            null => new AmazonS3Client(config),
            { SessionToken: { } token } keys => new AmazonS3Client(new SessionAWSCredentials(keys.AccessKeyId, keys.SecretAccessKey, token), config),
            var keys => new AmazonS3Client(new BasicAWSCredentials(keys.AccessKeyId, keys.SecretAccessKey), config),
        };
    }
}
