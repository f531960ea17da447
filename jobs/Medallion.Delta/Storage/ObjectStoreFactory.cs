namespace Medallion.Delta.Storage;

/// <summary>Opens the store a root string names: a local folder, or <c>s3://bucket/prefix</c>.</summary>
/// <remarks>
/// Used for <c>lake_root</c> values and CLI arguments. For S3 the prefix becomes part of every
/// path, so <c>s3://lake/prod</c> and the path <c>silver/orders</c> address
/// <c>s3://lake/prod/silver/orders</c>. The returned store is <see cref="IDisposable"/> when it
/// holds a client (S3); dispose it when done.
/// </remarks>
public static class ObjectStoreFactory
{
    private const string S3Scheme = "s3://";

    /// <summary>Whether <paramref name="root"/> is an <c>s3://</c> URI.</summary>
    public static bool IsS3Uri(string root) =>
        root is not null && root.StartsWith(S3Scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>Opens the store at <paramref name="root"/>.</summary>
    /// <param name="root">A local folder (relative to the working directory, absolute, or a <c>file://</c> URI) or <c>s3://bucket[/prefix]</c>.</param>
    /// <param name="s3Settings">Region, endpoint and credentials for S3 roots; the SDK's defaults when omitted.</param>
    /// <remarks>Throws <see cref="ArgumentException"/> for an S3 URI without a valid bucket or with an unsafe prefix.</remarks>
    public static IObjectStore Open(string root, S3StoreSettings? s3Settings = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        if (IsS3Uri(root))
        {
            var (bucket, prefix) = ParseS3(root);
            return new S3ObjectStore(s3Settings ?? new S3StoreSettings(), bucket, prefix);
        }

        if (root.Contains("://", StringComparison.Ordinal) && !root.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"'{root}' is neither a local folder nor an s3:// URI.", nameof(root));
        }

        var local = root.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? new Uri(root).LocalPath : root;
        return new LocalObjectStore(local);
    }

    /// <summary>Splits <c>s3://bucket/a/b/</c> into <c>("bucket", "a/b")</c>.</summary>
    public static (string Bucket, string Prefix) ParseS3(string uri)
    {
        if (!IsS3Uri(uri))
        {
            throw new ArgumentException($"'{uri}' is not an s3:// URI.", nameof(uri));
        }

        var rest = uri[S3Scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? "" : rest[(slash + 1)..].Trim('/');
        if (bucket.Length == 0)
        {
            throw new ArgumentException($"The S3 URI '{uri}' has no bucket name.", nameof(uri));
        }

        ObjectPath.Validate(prefix, nameof(uri), allowEmpty: true);
        return (bucket, prefix);
    }
}
