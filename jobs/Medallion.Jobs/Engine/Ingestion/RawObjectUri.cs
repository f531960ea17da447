using Medallion.Jobs.Config;
using Medallion.Jobs.Engine.Spark;

namespace Medallion.Jobs.Engine.Ingestion;

/// <summary>
/// <c>--object</c> (<c>medallion run</c> and the Spark job host): one landed object, named as an S3 event
/// names it (<c>s3://bucket/key</c>) or as a local path, turned into its path below the raw root, so a run
/// reads exactly it. Checked against the configuration only, before any I/O.
/// </summary>
public static class RawObjectUri
{
    /// <summary>The object's path relative to <paramref name="rawRoot"/> (an <c>s3://</c> URI or a local folder).</summary>
    /// <exception cref="ArgumentException">The object is not below the raw root, or no table of <paramref name="tables"/> reads it (a usage error).</exception>
    public static string Resolve(string rawRoot, string objectUri, IReadOnlyList<TableSpec> tables)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rawRoot);
        ArgumentException.ThrowIfNullOrWhiteSpace(objectUri);
        ArgumentNullException.ThrowIfNull(tables);
        var remote = rawRoot.Contains("://", StringComparison.Ordinal);
        var root = (remote ? rawRoot : Path.GetFullPath(rawRoot)).Replace('\\', '/').TrimEnd('/') + "/";
        var full = (remote || objectUri.Contains("://", StringComparison.Ordinal) ? objectUri : Path.GetFullPath(objectUri)).Replace('\\', '/');
        if (!full.StartsWith(root, StringComparison.Ordinal) || full.Length == root.Length || full[root.Length..].Split('/').Contains(".."))
        {
            throw new ArgumentException($"--object {objectUri} is not below the raw root {root.TrimEnd('/')}: a run reads raw objects of its environment's raw_root (or --input) only.");
        }

        var path = full[root.Length..];
        if (!tables.Any(t => RawInputs.Matches(t, path)))
        {
            throw new ArgumentException(
                $"--object {objectUri} is read by no table: {path} matches none of {string.Join(", ", tables.Select(t => $"{t.Name}: {t.Source.Path}"))}.");
        }

        return path;
    }
}
