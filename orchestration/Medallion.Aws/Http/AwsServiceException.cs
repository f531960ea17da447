using System.Net;

namespace Medallion.Aws.Http;

/// <summary>
/// An AWS service answered with an error, or could not be reached. <see cref="MedallionException.IsTransient"/>
/// is true for throttling, 5xx and network failures, the cases worth retrying.
/// </summary>
public sealed class AwsServiceException : MedallionException
{
    public AwsServiceException(string message, string service, string? errorCode, HttpStatusCode? statusCode, bool isTransient, Exception? innerException = null)
        : base(message, isTransient, innerException)
    {
        Service = service;
        ErrorCode = errorCode;
        StatusCode = statusCode;
    }

    /// <summary>The signing name of the service, e.g. <c>emr-serverless</c>.</summary>
    public string Service { get; }

    /// <summary>The AWS error code (e.g. <c>ResourceNotFoundException</c>), or null when there was no answer.</summary>
    public string? ErrorCode { get; }

    /// <summary>The HTTP status, or null when there was no answer.</summary>
    public HttpStatusCode? StatusCode { get; }
}
