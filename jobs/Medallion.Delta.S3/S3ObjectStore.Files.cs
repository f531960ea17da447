using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;
using Medallion.Delta.Storage;

namespace Medallion.Delta.S3;

/// <summary>
/// Whole data files moved between disk and S3 without holding them in memory: uploads stream from
/// the file (multipart above <see cref="MultipartThreshold"/>, so objects beyond PutObject's 5 GB
/// work), downloads stream the response body into a temp file that is renamed into place.
/// </summary>
public sealed partial class S3ObjectStore
{
    private const long MiB = 1024 * 1024;

    /// <summary>
    /// Files at least this large are uploaded in parts; lowered by tests so a small file exercises
    /// multipart. 64 MB keeps the request count low for typical Parquet files.
    /// </summary>
    internal long MultipartThreshold { get; init; } = 64 * MiB;

    /// <summary>
    /// The size of each uploaded part (S3: at least 5 MB, at most 10,000 parts, so 64 MB parts
    /// allow objects up to 640 GB); each part is streamed from the file, never buffered whole.
    /// </summary>
    internal long PartSize { get; init; } = 64 * MiB;

    public async Task UploadFileAsync(string localFile, string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(localFile);
        var file = new FileInfo(localFile);
        if (!file.Exists)
        {
            // Checked here so a missing local file is not reported as an S3 failure.
            throw new FileNotFoundException($"Cannot upload '{file.FullName}' to '{Describe(path)}': the local file does not exist.", file.FullName);
        }

        var request = new TransferUtilityUploadRequest { BucketName = Bucket, Key = Key(path), FilePath = file.FullName, PartSize = PartSize };

        // The utility does not dispose a client it was given; it only plans parts and aborts a failed multipart upload.
        using var transfer = new TransferUtility(_client, new TransferUtilityConfig { MinSizeBeforePartUpload = MultipartThreshold });
        await CallAsync("upload", $"{file.FullName}' to '{Describe(path)}", () => transfer.UploadAsync(request, cancellationToken));
    }

    public async Task<bool> TryDownloadFileAsync(string path, string localFile, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(localFile);
        var target = Path.GetFullPath(localFile);
        var request = new GetObjectRequest { BucketName = Bucket, Key = Key(path) };
        try
        {
            using var response = await _client.GetObjectAsync(request, cancellationToken);
            await AtomicFile.CopyAsync(response.ResponseStream, target, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception missing) when (IsMissingObject(missing))
        {
            return false;
        }
        catch (Exception failure) when (IsAwsFailure(failure))
        {
            throw Translate("download", $"{Describe(path)}' to '{target}", failure);
        }
    }
}
