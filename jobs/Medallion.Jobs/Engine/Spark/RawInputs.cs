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
        ArgumentNullException.ThrowIfNull(rawStore);
        var (prefix, regex) = Glob(table);
        var listed = await rawStore.ListAsync(prefix, cancellationToken);
        return listed.Where(o => IsMatch(prefix, regex, o.Path)).OrderBy(o => o.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether <paramref name="path"/> (relative to the raw root) is one of the objects <paramref name="table"/>'s glob matches.</summary>
    /// <exception cref="MedallionException">The glob climbs out of the raw root.</exception>
    public static bool Matches(TableSpec table, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var (prefix, regex) = Glob(table);
        return IsMatch(prefix, regex, path);
    }

    /// <summary>The literal folders the glob starts with (listing starts there) and the glob as a regex.</summary>
    private static (string Prefix, Regex Regex) Glob(TableSpec table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var pattern = table.Source.Path.Replace('\\', '/');
        if (pattern.StartsWith('/') || pattern.Split('/').Contains(".."))
        {
            throw new MedallionException(
                $"{table.Source.Location}: source path '{table.Source.Path}' of table `{table.Name}` must be a glob relative to the raw root, without '..'.");
        }

        var segments = pattern.Split('/');
        var literal = segments[..^1].TakeWhile(s => s.IndexOfAny(['*', '?', '[']) < 0).ToList();
        return (literal.Count == 0 ? "" : string.Join("/", literal) + "/", ToRegex(pattern));
    }

    private static bool IsMatch(string prefix, Regex regex, string path) =>
        RawFileNames.IsData(path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..] : path) && regex.IsMatch(path);

    /// <summary>
    /// The objects of <paramref name="listed"/> that one of <paramref name="patterns"/> names: a path
    /// relative to the raw root, or a glob matched like <c>source.path</c>.
    /// </summary>
    public static IReadOnlyList<ObjectInfo> Select(IReadOnlyList<ObjectInfo> listed, IReadOnlyList<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(listed);
        ArgumentNullException.ThrowIfNull(patterns);
        var named = patterns.Select(p => p.Replace('\\', '/').TrimStart('/')).ToList();
        var regexes = named.Select(ToRegex).ToList();
        // A name is also itself: an object named `a[1].csv` is selected by its own name, not only as a glob.
        return [.. listed.Where(o => named.Contains(o.Path, StringComparer.Ordinal) || regexes.Any(r => r.IsMatch(o.Path)))];
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
