using Amazon.S3;
using Amazon.S3.Model;

namespace Medallion.Delta.S3;

/// <summary>
/// Server-side copies: one <c>CopyObject</c> for an ordinary object, a multipart copy (ranges
/// copied with <c>UploadPartCopy</c>) for a source beyond S3's 5 GiB single-copy limit.
/// </summary>
public sealed partial class S3ObjectStore
{
    /// <summary>S3 refuses <c>CopyObject</c> for a source larger than this (5 GiB).</summary>
    private const long SingleCopyLimit = 5L * 1024 * MiB;

    /// <summary>Part copies in flight at once: enough to overlap round trips, few enough not to compete with a promotion's own parallel copies.</summary>
    private const int CopyPartsInFlight = 4;

    /// <summary>
    /// Sources larger than this are copied in parts; lowered by tests so a small object exercises
    /// the multipart copy. Below S3's limit the store asks for the source's size before each copy.
    /// </summary>
    internal long CopyPartThreshold { get; init; } = SingleCopyLimit;

    /// <summary>The byte range each part copies (S3: at least 5 MB except the last, at most 10,000 parts; 512 MiB parts reach S3's 5 TB object limit).</summary>
    internal long CopyPartSize { get; init; } = 512 * MiB;

    /// <remarks>
    /// Decision: no size check precedes an ordinary copy, so a promotion still costs one request per
    /// file. S3 itself tells a source beyond 5 GiB apart (400 InvalidRequest); only then does the
    /// store read the size and copy in parts. A failed or cancelled multipart copy is aborted, so
    /// no orphaned parts stay billed and the destination is left as it was.
    /// </remarks>
    public async Task CopyAsync(string sourcePath, string destinationPath, CancellationToken cancellationToken = default)
    {
        var request = new CopyObjectRequest { SourceBucket = Bucket, SourceKey = Key(sourcePath), DestinationBucket = Bucket, DestinationKey = Key(destinationPath) };
        try
        {
            var source = CopyPartThreshold < SingleCopyLimit ? await SourceAsync(request, cancellationToken) : null;
            if (source is null || source.ContentLength <= CopyPartThreshold)
            {
                if (await TryCopyObjectAsync(request, cancellationToken))
                {
                    return;
                }

                source ??= await SourceAsync(request, cancellationToken);
            }

            await CopyInPartsAsync(request, source, cancellationToken);
        }
        catch (AmazonS3Exception missing) when (IsMissingObject(missing))
        {
            throw new FileNotFoundException($"Cannot copy '{Describe(sourcePath)}' to '{Describe(destinationPath)}': the source does not exist.", Describe(sourcePath));
        }
        catch (Exception failure) when (IsAwsFailure(failure))
        {
            throw Translate("copy", $"{Describe(sourcePath)}' to '{Describe(destinationPath)}", failure);
        }
    }

    /// <summary>S3's answer to a <c>CopyObject</c> whose source exceeds 5 GiB ("The specified copy source is larger than the maximum allowable size for a copy source").</summary>
    private static bool IsCopySourceTooLarge(AmazonS3Exception exception) =>
        exception.ErrorCode == "InvalidRequest" && exception.Message.Contains("copy source is larger than the maximum allowable size", StringComparison.OrdinalIgnoreCase);

    /// <summary>One <c>CopyObject</c>; <see langword="false"/> when S3 refuses the source as too large for it.</summary>
    private async Task<bool> TryCopyObjectAsync(CopyObjectRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await _client.CopyObjectAsync(request, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception tooLarge) when (IsCopySourceTooLarge(tooLarge))
        {
            return false;
        }
    }

    private Task<GetObjectMetadataResponse> SourceAsync(CopyObjectRequest request, CancellationToken cancellationToken) =>
        _client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = request.SourceBucket, Key = request.SourceKey }, cancellationToken);

    private async Task CopyInPartsAsync(CopyObjectRequest request, GetObjectMetadataResponse source, CancellationToken cancellationToken)
    {
        var size = source.ContentLength;
        var parts = new PartETag[(int)((size + CopyPartSize - 1) / CopyPartSize)];

        // CopyObject keeps the source's content type; a multipart upload has to be told.
        var upload = await _client.InitiateMultipartUploadAsync(
            new InitiateMultipartUploadRequest { BucketName = request.DestinationBucket, Key = request.DestinationKey, ContentType = source.Headers.ContentType },
            cancellationToken);
        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, parts.Length),
                new ParallelOptions { MaxDegreeOfParallelism = CopyPartsInFlight, CancellationToken = cancellationToken },
                async (index, token) =>
                {
                    var first = index * CopyPartSize;
                    var part = await _client.CopyPartAsync(
                        new CopyPartRequest
                        {
                            SourceBucket = request.SourceBucket, SourceKey = request.SourceKey,
                            DestinationBucket = request.DestinationBucket, DestinationKey = request.DestinationKey,
                            UploadId = upload.UploadId, PartNumber = index + 1,
                            FirstByte = first, LastByte = Math.Min(first + CopyPartSize, size) - 1,
                        },
                        token);
                    parts[index] = new PartETag(index + 1, part.ETag);
                });
            await _client.CompleteMultipartUploadAsync(
                new CompleteMultipartUploadRequest { BucketName = request.DestinationBucket, Key = request.DestinationKey, UploadId = upload.UploadId, PartETags = [.. parts] },
                cancellationToken);
        }
        catch
        {
            await AbortQuietlyAsync(request.DestinationBucket, request.DestinationKey, upload.UploadId);
            throw;
        }
    }

    /// <summary>Aborts even after cancellation; a failed abort must not hide the failure that caused it (a bucket lifecycle rule can still clean up).</summary>
    private async Task AbortQuietlyAsync(string bucket, string key, string uploadId)
    {
        try
        {
            await _client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = uploadId }, CancellationToken.None);
        }
        catch (Exception failure) when (IsAwsFailure(failure))
        {
            // The original failure is what the caller needs to see.
        }
    }
}
