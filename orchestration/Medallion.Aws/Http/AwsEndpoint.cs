namespace Medallion.Aws.Http;

/// <summary>Where one AWS service is reached and how requests to it are signed.</summary>
/// <param name="BaseUri">The service root, e.g. <c>https://states.eu-west-1.amazonaws.com/</c>, or the override.</param>
/// <param name="Region">The signing region.</param>
/// <param name="SigningName">The SigV4 service name, e.g. <c>emr-serverless</c> or <c>states</c>.</param>
public sealed record AwsEndpoint(Uri BaseUri, string Region, string SigningName)
{
    /// <summary>
    /// The public endpoint <c>https://{endpointPrefix}.{region}.amazonaws.com</c> (<c>.com.cn</c> in
    /// China), or <paramref name="endpointOverride"/> when given (moto, LocalStack, VPC endpoints).
    /// </summary>
    public static AwsEndpoint For(string endpointPrefix, string signingName, string region, string? endpointOverride)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        if (!string.IsNullOrWhiteSpace(endpointOverride))
        {
            return new AwsEndpoint(new Uri(endpointOverride.TrimEnd('/') + "/"), region, signingName);
        }

        var suffix = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return new AwsEndpoint(new Uri($"https://{endpointPrefix}.{region}.{suffix}/"), region, signingName);
    }
}
