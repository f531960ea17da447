using Medallion.Delta.Storage;

namespace Medallion.Delta.S3;

/// <summary>Opens <c>s3://bucket[/prefix]</c> roots as <see cref="S3ObjectStore"/>s; a host registers it with <see cref="ObjectStoreRegistry"/>.</summary>
/// <remarks>
/// The prefix becomes part of every path, so <c>s3://lake/prod</c> and the path <c>silver/orders</c>
/// address <c>s3://lake/prod/silver/orders</c>. Region and endpoint come from the
/// <see cref="ObjectStoreOptions"/>, credentials from the AWS SDK's default chain.
/// </remarks>
public sealed class S3ObjectStoreFactory : IObjectStoreFactory
{
    private const string Prefix = "s3://";

    /// <value><c>s3</c>.</value>
    public string Scheme => "s3";

    /// <remarks>Throws <see cref="ArgumentException"/> for a root without a valid bucket name or with an unsafe prefix.</remarks>
    public IObjectStore Open(string root, ObjectStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (bucket, prefix) = Parse(root);
        return new S3ObjectStore(new S3StoreSettings { Region = options.Region, EndpointUrl = options.EndpointUrl }, bucket, prefix);
    }

    /// <summary>Splits <c>s3://bucket/a/b/</c> into <c>("bucket", "a/b")</c>.</summary>
    /// <remarks>Throws <see cref="ArgumentException"/> for anything but an <c>s3://</c> URI with a bucket and a safe prefix.</remarks>
    public static (string Bucket, string Prefix) Parse(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"'{uri}' is not an s3:// URI.", nameof(uri));
        }

        var rest = uri[Prefix.Length..];
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
