using System.Net;
using Amazon.Runtime;
using Amazon.S3;

namespace Medallion.Delta.S3;

/// <summary>Bucket validation and the mapping of SDK failures to <see cref="MedallionException"/>.</summary>
public sealed partial class S3ObjectStore
{
    // Throttling and server-side trouble: the same request may succeed later.
    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "SlowDown", "Throttling", "ThrottlingException", "RequestTimeout", "RequestTimeoutException",
        "InternalError", "ServiceUnavailable", "RequestLimitExceeded", "TooManyRequestsException",

        // A conditional write raced another one for the same key and S3 could not order them.
        "ConditionalRequestConflict",
    };

    private static bool IsAwsFailure(Exception exception) =>
        exception is AmazonServiceException or AmazonClientException or HttpRequestException or (IOException and not FileNotFoundException);

    /// <summary>A 404 for the key; a missing bucket is a configuration error, not a missing object.</summary>
    private static bool IsMissingObject(AmazonS3Exception exception) =>
        exception.StatusCode == HttpStatusCode.NotFound && exception.ErrorCode != "NoSuchBucket";

    private static string ValidateBucket(string bucket)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        var valid = bucket.Length is >= 3 and <= 63
            && bucket.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.')
            && char.IsAsciiLetterOrDigit(bucket[0]) && char.IsAsciiLetterOrDigit(bucket[^1]);
        return valid
            ? bucket
            : throw new ArgumentException($"'{bucket}' is not a valid S3 bucket name (3-63 lowercase letters, digits, '-' and '.').", nameof(bucket));
    }

    private async Task<T> CallAsync<T>(string operation, string location, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception failure) when (IsAwsFailure(failure))
        {
            throw Translate(operation, location, failure);
        }
    }

    private Task CallAsync(string operation, string location, Func<Task> call) =>
        CallAsync(operation, location, async () =>
        {
            await call();
            return true;
        });

    private MedallionException Translate(string operation, string location, Exception failure)
    {
        if (failure is AmazonServiceException service && service.StatusCode != 0)
        {
            var status = (int)service.StatusCode;
            var transient = status is 429 or >= 500 || (service.ErrorCode is { } code && TransientCodes.Contains(code));
            return new MedallionException(
                $"S3 {operation} of '{location}' failed: HTTP {status} {service.ErrorCode}: {Redact(service.Message)}",
                transient,
                service);
        }

        // No HTTP answer at all (refused connection, DNS, a reset stream): worth retrying later.
        return new MedallionException($"S3 {operation} of '{location}' failed before S3 answered: {Redact(failure.Message)}", isTransient: true, failure);
    }

    /// <summary>Defence in depth: the SDK does not echo secrets, but a message that did would be cut here.</summary>
    private string Redact(string message) =>
        _secret is null ? message : message.Replace(_secret, "***", StringComparison.Ordinal);
}
