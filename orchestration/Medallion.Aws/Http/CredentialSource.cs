using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace Medallion.Aws.Http;

/// <summary>
/// Credentials for signing, resolved on first use from the given credentials or AWSSDK.Core's
/// default chain (environment variables, profiles, SSO, container and instance roles).
/// </summary>
internal sealed class CredentialSource(AWSCredentials? given = null)
{
    private AWSCredentials? _resolved = given;

    /// <exception cref="MedallionException">No credentials anywhere in the chain.</exception>
    public async Task<ImmutableCredentials> GetAsync()
    {
        try
        {
            _resolved ??= DefaultAWSCredentialsIdentityResolver.GetCredentials();
            return await _resolved.GetCredentialsAsync();
        }
        catch (AmazonClientException missing)
        {
            // The SDK's message names the chain's sources, never secret values.
            throw new MedallionException(
                $"No AWS credentials: set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run where a role is attached. ({missing.Message})",
                isTransient: false, missing);
        }
    }
}
