namespace Medallion.Delta.S3;

/// <summary>An explicit access key pair (and optional session token) for <see cref="S3StoreSettings"/>.</summary>
/// <remarks>
/// A class rather than a record so that no generated <c>ToString</c>, equality dump or debugger
/// display can ever print the secret: <see cref="ToString"/> shows the key id only.
/// </remarks>
public sealed class S3AccessKeys
{
    public S3AccessKeys(string accessKeyId, string secretAccessKey, string? sessionToken = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessKeyId);
        ArgumentException.ThrowIfNullOrEmpty(secretAccessKey);
        AccessKeyId = accessKeyId;
        SecretAccessKey = secretAccessKey;
        SessionToken = sessionToken;
    }

    public string AccessKeyId { get; }

    /// <summary>The secret; only the S3 client reads it, and messages redact it.</summary>
    public string SecretAccessKey { get; }

    public string? SessionToken { get; }

    public override string ToString() => $"S3AccessKeys {{ AccessKeyId = {AccessKeyId}, SecretAccessKey = ***{(SessionToken is null ? "" : ", SessionToken = ***")} }}";
}
