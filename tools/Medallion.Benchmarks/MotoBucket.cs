using Amazon.Runtime;
using Amazon.S3;

namespace Medallion.Benchmarks;

/// <summary>The S3 store works inside a bucket and never creates one, so a benchmark's bucket comes from a plain client.</summary>
internal static class MotoBucket
{
    public static async Task CreateAsync(Uri endpoint, string region, string bucket, CancellationToken cancellationToken)
    {
        var config = new AmazonS3Config { ServiceURL = endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = region };
        using var s3 = new AmazonS3Client(new BasicAWSCredentials("medallion-bench", "medallion-bench"), config);
        await s3.PutBucketAsync(bucket, cancellationToken);
    }
}
