using Amazon.Runtime;
using Amazon.S3;
using Medallion.Delta.S3;

namespace Medallion.Testing.Moto;

/// <summary>S3 on the moto server: settings that point at it, and fresh buckets.</summary>
public static class MotoS3
{
    /// <summary>Store settings for <paramref name="moto"/>: its endpoint (path-style), region and test keys; no SDK retries, so failures surface at once.</summary>
    public static S3StoreSettings Settings(this MotoServer moto) => new()
    {
        Region = MotoServer.Region,
        EndpointUrl = moto.Endpoint,
        Credentials = new S3AccessKeys(MotoServer.AccessKey, MotoServer.SecretKey),
        MaxErrorRetry = 0,
    };

    /// <summary>Creates a bucket with a unique name (tests never share one) and returns its name.</summary>
    public static string CreateBucket(this MotoServer moto, string prefix = "medallion")
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 33)];
        using var client = moto.CreateClient();
        client.PutBucketAsync(name).GetAwaiter().GetResult();
        return name;
    }

    /// <summary>A plain SDK client on moto, for checking what a store left in a bucket (the caller disposes it).</summary>
    public static AmazonS3Client CreateClient(this MotoServer moto) => new(
        new BasicAWSCredentials(MotoServer.AccessKey, MotoServer.SecretKey),
        new AmazonS3Config { ServiceURL = moto.Endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = MotoServer.Region });

    /// <summary>An <see cref="S3ObjectStore"/> on a new bucket, rooted at <paramref name="keyPrefix"/>.</summary>
    public static S3ObjectStore CreateStore(this MotoServer moto, string keyPrefix = "") =>
        new(moto.Settings(), moto.CreateBucket(), keyPrefix);
}
