namespace Medallion.Delta.Storage;

/// <summary>How to reach a store opened by URI: what an environment's <c>aws:</c> block or the CLI's options say.</summary>
/// <remarks>
/// Credentials are not among them: stores take them from their SDK's default chain (environment
/// variables, profiles, roles), so no configuration file holds a secret.
/// </remarks>
public sealed record ObjectStoreOptions
{
    /// <summary>No region and no endpoint: each store's own defaults.</summary>
    public static ObjectStoreOptions Default { get; } = new();

    /// <summary>The region, e.g. <c>eu-west-1</c>.</summary>
    /// <value>Default <see langword="null"/>: the store SDK's region chain (for S3, <c>AWS_REGION</c> or the profile).</value>
    public string? Region { get; init; }

    /// <summary>A compatible server to talk to instead of the cloud's own endpoint (moto, MinIO, a VPC endpoint).</summary>
    /// <value>Default <see langword="null"/>: the cloud's endpoint for <see cref="Region"/>.</value>
    public Uri? EndpointUrl { get; init; }
}
