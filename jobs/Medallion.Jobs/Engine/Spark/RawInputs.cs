using System.Text;
using System.Text.RegularExpressions;
using Medallion.Delta.Storage;
using Medallion.Jobs.Config;

namespace Medallion.Jobs.Engine.Spark;

/// <summary>
/// The raw files a table reads, found by listing the raw root's object store and matching the
/// table's glob (<c>*</c> and <c>?</c> within a path segment, <c>**</c> across segments), in
/// name order like the embedded engine. The job host hands Spark these files, not the glob, so
/// <c>_run.json</c> lists exactly what was read. Objects that are not data (<see cref="RawFileNames.IsData"/>)
/// are left out, whoever lists: both engines resolve a table's files here, locally and on S3.
/// </summary>
public static class RawInputs
{
    /// <exception cref="MedallionException">The glob climbs out of the raw root.</exception>
    public static async Task<IReadOnlyList<ObjectInfo>> ResolveAsync(IObjectStore rawStore, TableSpec table, CancellationToken cancellationToken = default)
    {
        var pattern = table.Source.Path.Replace('\\', '/');
        if (pattern.StartsWith('/') || pattern.Split('/').Contains(".."))
        {
            throw new MedallionException(
                $"{table.Source.Location}: source path '{table.Source.Path}' of table `{table.Name}` must be a glob relative to the raw root, without '..'.");
        }

        // List only below the glob's literal folders.
        var segments = pattern.Split('/');
        var literal = segments[..^1].TakeWhile(s => s.IndexOfAny(['*', '?', '[']) < 0).ToList();
        var prefix = literal.Count == 0 ? "" : string.Join("/", literal) + "/";
        var regex = ToRegex(pattern);
        var listed = await rawStore.ListAsync(prefix, cancellationToken);
        return listed.Where(o => RawFileNames.IsData(o.Path.StartsWith(prefix, StringComparison.Ordinal) ? o.Path[prefix.Length..] : o.Path) && regex.IsMatch(o.Path)).OrderBy(o => o.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>Where a raw file is, for Spark: the raw root joined with the store-relative path.</summary>
    public static string Location(string rawRoot, string relativePath) =>
        rawRoot.Replace('\\', '/').TrimEnd('/') + "/" + relativePath;

    private static Regex ToRegex(string glob)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                // "**/" matches any number of folders, including none.
                var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                regex.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                regex.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
