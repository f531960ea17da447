namespace Medallion.Jobs.Engine;

/// <summary>
/// Which raw objects are data, and how a raw file's name is handed to a reader that would
/// otherwise expand it as a glob. Every place that lists raw files applies <see cref="IsData"/>,
/// on a local folder and on S3 alike, so a file is read by both engines or by neither.
/// </summary>
public static class RawFileNames
{
    /// <summary>
    /// False for an object whose name, or the name of a folder it lies in below the raw root,
    /// starts with <c>.</c> or <c>_</c>: the Hadoop convention for files that are not data
    /// (<c>_SUCCESS</c>, <c>.crc</c>, <c>_expected.json</c>, <c>_temporary/</c>), which Spark's own
    /// listing follows as well.
    /// </summary>
    /// <param name="relativePath">The object's path relative to the raw root, with '/' separators.</param>
    public static bool IsData(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        return !relativePath.Split('/').Any(segment => segment.StartsWith('.') || segment.StartsWith('_'));
    }

    /// <summary>
    /// A local path as a DuckDB file argument that names exactly that file: DuckDB expands
    /// <c>*</c>, <c>?</c> and <c>[…]</c> in every path it reads, so each of those characters is
    /// put in a one-character class (<c>b*.csv</c> → <c>b[*].csv</c>) and matches only itself.
    /// </summary>
    internal static string DuckDbLiteral(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.IndexOfAny(['*', '?', '[']) < 0
            ? path
            : string.Concat(path.Select(c => c is '*' or '?' or '[' ? $"[{c}]" : c.ToString()));
    }

    /// <summary>
    /// A path as a Spark (Hadoop) file argument that names exactly that file: Hadoop expands
    /// <c>* ? [ ] { } \</c>, and a backslash makes the next character literal.
    /// </summary>
    public static string HadoopLiteral(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return string.Concat(path.Select(c => c is '*' or '?' or '[' or ']' or '{' or '}' or '\\' ? $"\\{c}" : c.ToString()));
    }
}
