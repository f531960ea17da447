namespace Medallion.Delta.S3;

/// <summary>How <see cref="S3ObjectStore"/> reaches S3: region, an optional S3-compatible endpoint and optional explicit keys.</summary>
/// <remarks>
/// With no <see cref="Credentials"/> the AWS SDK's default chain applies: environment variables,
/// the shared profile (<c>AWS_PROFILE</c>), then container and instance roles. The record's
/// <c>ToString</c> never shows a secret.
/// </remarks>
public sealed record S3StoreSettings
{
    /// <summary>The AWS region, e.g. <c>eu-west-1</c>.</summary>
    /// <value>Default <see langword="null"/>: the SDK's region chain (<c>AWS_REGION</c>, the profile).</value>
    public string? Region { get; init; }

    /// <summary>An S3-compatible endpoint (moto, MinIO, a VPC endpoint); requests then use path-style addressing.</summary>
    /// <value>Default <see langword="null"/>: the region's AWS endpoint with virtual-hosted addressing.</value>
    public Uri? EndpointUrl { get; init; }

    /// <summary>Explicit keys (tests, S3-compatible servers).</summary>
    /// <value>Default <see langword="null"/>: the SDK's default credential chain.</value>
    public S3AccessKeys? Credentials { get; init; }

    /// <summary>How often the SDK itself retries a throttled or failed request before Medallion sees the error.</summary>
    /// <value>Default <see langword="null"/>: the SDK's default (standard retry mode).</value>
    public int? MaxErrorRetry { get; init; }
}
