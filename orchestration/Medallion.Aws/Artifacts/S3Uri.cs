namespace Medallion.Aws.Artifacts;

/// <summary>An <c>s3://bucket/key</c> location.</summary>
public sealed record S3Uri(string Bucket, string Key)
{
    /// <exception cref="ArgumentException">Not of the form <c>s3://bucket[/key]</c>.</exception>
    public static S3Uri Parse(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.StartsWith("s3://", StringComparison.Ordinal) || uri.Length <= 5)
        {
            throw new ArgumentException($"'{uri}' is not an S3 location: expected s3://bucket/prefix.", nameof(uri));
        }

        var rest = uri[5..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? new S3Uri(rest, "") : new S3Uri(rest[..slash], rest[(slash + 1)..].TrimEnd('/'));
    }

    /// <summary>The location <paramref name="relative"/> below this one.</summary>
    public S3Uri Child(string relative) => this with { Key = Key.Length == 0 ? relative : $"{Key}/{relative}" };

    /// <summary>The key as an IAM resource: <c>arn:aws:s3:::bucket/key</c>.</summary>
    public string Arn(string partition = "aws") => Key.Length == 0 ? $"arn:{partition}:s3:::{Bucket}" : $"arn:{partition}:s3:::{Bucket}/{Key}";

    public override string ToString() => Key.Length == 0 ? $"s3://{Bucket}" : $"s3://{Bucket}/{Key}";
}
