using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Medallion.Delta.Storage;

namespace Medallion.Delta.S3;

/// <summary>An <see cref="IObjectStore"/> over an S3 bucket and key prefix (AWS or an S3-compatible server).</summary>
/// <remarks>
/// <see cref="PutIfAbsentAsync"/> is a conditional <c>PutObject</c> with <c>If-None-Match: *</c>:
/// S3 answers 412 when the key exists, which is what makes a Delta commit atomic without a lock
/// table. Service and network failures become <see cref="MedallionException"/> naming the
/// operation and the <c>s3://</c> location, with <see cref="MedallionException.IsTransient"/> set
/// for throttling, 5xx and connection errors; no message ever contains the secret key.
/// </remarks>
public sealed partial class S3ObjectStore : IObjectStore, IDisposable
{
    private const int ConditionalConflictAttempts = 4;

    private readonly IAmazonS3 _client;
    private readonly string? _secret;

    /// <param name="settings">Region, endpoint and credentials.</param>
    /// <param name="bucket">The bucket name.</param>
    /// <param name="prefix">A key prefix every path is placed under (no leading or trailing slash needed); <c>""</c> for the bucket root.</param>
    public S3ObjectStore(S3StoreSettings settings, string bucket, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(settings);
        Bucket = ValidateBucket(bucket);
        Prefix = ObjectPath.Validate(prefix.Trim('/'), nameof(prefix), allowEmpty: true);
        _client = CreateClient(settings);
        _secret = settings.Credentials?.SecretAccessKey;
    }

    public string Bucket { get; }

    /// <summary>The key prefix of the store root, without slashes at either end.</summary>
    public string Prefix { get; }

    /// <summary>Objects per list request; lowered by tests to exercise pagination.</summary>
    internal int ListPageSize { get; init; } = 1000;

    public string Describe(string path) => $"s3://{Bucket}/{Key(path, allowEmpty: true)}";

    public async Task<IReadOnlyList<ObjectInfo>> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var folder = Key(prefix, allowEmpty: true).TrimEnd('/');
        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = folder.Length == 0 ? null : folder + "/", MaxKeys = ListPageSize };
        var objects = new List<ObjectInfo>();
        do
        {
            var response = await CallAsync("list", Describe(prefix), () => _client.ListObjectsV2Async(request, cancellationToken));
            foreach (var item in response.S3Objects ?? [])
            {
                if (!item.Key.EndsWith('/'))
                {
                    objects.Add(new ObjectInfo(ToRelative(item.Key), item.Size ?? 0, new DateTimeOffset(item.LastModified?.ToUniversalTime() ?? default, TimeSpan.Zero))
                    {
                        ETag = item.ETag,
                    });
                }
            }

            request.ContinuationToken = response.IsTruncated == true ? response.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);

        // S3 lists in UTF-8 byte order; the interface promises ordinal UTF-16 order like the local store.
        objects.Sort((left, right) => string.CompareOrdinal(left.Path, right.Path));
        return objects;
    }

    public async Task<byte[]?> TryReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var request = new GetObjectRequest { BucketName = Bucket, Key = Key(path) };
        try
        {
            using var response = await _client.GetObjectAsync(request, cancellationToken);
            using var buffer = new MemoryStream();
            await response.ResponseStream.CopyToAsync(buffer, cancellationToken);
            return buffer.ToArray();
        }
        catch (AmazonS3Exception missing) when (IsMissingObject(missing))
        {
            return null;
        }
        catch (Exception failure) when (IsAwsFailure(failure))
        {
            throw Translate("read", Describe(path), failure);
        }
    }

    public Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        CallAsync("write", Describe(path), () => _client.PutObjectAsync(PutRequest(path, content), cancellationToken));

    public async Task<bool> PutIfAbsentAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var request = PutRequest(path, content);
            request.IfNoneMatch = "*";
            try
            {
                await _client.PutObjectAsync(request, cancellationToken);
                return true;
            }
            catch (AmazonS3Exception exists) when (exists.StatusCode == HttpStatusCode.PreconditionFailed)
            {
                return false;
            }
            catch (AmazonS3Exception racing) when (racing.StatusCode == HttpStatusCode.Conflict && attempt < ConditionalConflictAttempts)
            {
                // 409 ConditionalRequestConflict: another conditional write to this key is in
                // flight. Asking again shortly gives 412 if that one won, or succeeds if it failed.
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), cancellationToken);
            }
            catch (Exception failure) when (IsAwsFailure(failure))
            {
                throw Translate("conditional write", Describe(path), failure);
            }
        }
    }

    public Task DeleteAsync(string path, CancellationToken cancellationToken = default) =>
        CallAsync("delete", Describe(path), () => _client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = Bucket, Key = Key(path) }, cancellationToken));

    public async Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            await _client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = Bucket, Key = Key(path) }, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception missing) when (missing.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
        catch (Exception failure) when (IsAwsFailure(failure))
        {
            throw Translate("exists check", Describe(path), failure);
        }
    }

    public void Dispose() => _client.Dispose();

    private PutObjectRequest PutRequest(string path, ReadOnlyMemory<byte> content) => new()
    {
        BucketName = Bucket,
        Key = Key(path),
        InputStream = new MemoryStream(content.ToArray(), writable: false),
    };

    private string Key(string path, bool allowEmpty = false) =>
        ObjectPath.Combine(Prefix, ObjectPath.Validate(path, nameof(path), allowEmpty));

    private string ToRelative(string key) => Prefix.Length == 0 ? key : key[(Prefix.Length + 1)..];
}
