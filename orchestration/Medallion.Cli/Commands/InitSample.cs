using Medallion.Jobs.Config;

namespace Medallion.Cli.Commands;

/// <summary>
/// What <c>medallion init --from</c> names: the sample files (globs expanded, in name order), their
/// format, and the <c>source.path</c> that finds files like them under the environment's raw_root.
/// </summary>
internal sealed record InitSample(IReadOnlyList<string> Files, SourceFormat Format, string Extension)
{
    private static readonly Dictionary<string, SourceFormat> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".csv"] = SourceFormat.Csv,
        [".tsv"] = SourceFormat.Csv,
        [".json"] = SourceFormat.Json,
        [".ndjson"] = SourceFormat.Json,
        [".jsonl"] = SourceFormat.Json,
        [".parquet"] = SourceFormat.Parquet,
    };

    /// <summary>The formats <c>--format</c> takes; ndjson is read as json (bronze tells arrays from lines itself).</summary>
    public static IReadOnlyDictionary<string, SourceFormat> Formats { get; } = new Dictionary<string, SourceFormat>(StringComparer.Ordinal)
    {
        ["csv"] = SourceFormat.Csv,
        ["json"] = SourceFormat.Json,
        ["ndjson"] = SourceFormat.Json,
        ["parquet"] = SourceFormat.Parquet,
    };

    /// <exception cref="ArgumentException">No file matches, or the format is neither given nor told by the extension.</exception>
    public static InitSample Resolve(IReadOnlyList<string> patterns, string? format)
    {
        var files = patterns.SelectMany(Expand).Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new ArgumentException($"--from {string.Join(" ", patterns)} matches no file");
        }

        var extension = Path.GetExtension(files[0]);
        if (format is not null)
        {
            return Formats.TryGetValue(format, out var chosen)
                ? new InitSample(files, chosen, extension)
                : throw new ArgumentException($"--format must be one of {string.Join(", ", Formats.Keys)}, found `{format}`");
        }

        return Extensions.TryGetValue(extension, out var told)
            ? new InitSample(files, told, extension)
            : throw new ArgumentException($"{files[0]}: cannot tell the format from `{extension}`; pass --format {string.Join("|", Formats.Keys)}");
    }

    /// <summary>
    /// <c>source.path</c>: the sample folder's files of this extension, relative to <paramref name="rawRoot"/>
    /// when the sample lies under it; else null (the caller says where to put the files).
    /// </summary>
    public string? PathUnder(string rawRoot)
    {
        if (rawRoot.Contains("://", StringComparison.Ordinal))
        {
            return null;
        }

        var folder = Path.GetDirectoryName(Files[0])!;
        var relative = Path.GetRelativePath(Path.GetFullPath(rawRoot), folder);
        if (relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return null;
        }

        return relative == "." ? Glob : relative.Replace(Path.DirectorySeparatorChar, '/') + "/" + Glob;
    }

    /// <summary>The file name pattern of <c>source.path</c>: every file with the sample's extension.</summary>
    public string Glob => "*" + (Extension.Length > 0 ? Extension.ToLowerInvariant() : "");

    private static IEnumerable<string> Expand(string pattern)
    {
        var name = Path.GetFileName(pattern);
        if (name.IndexOfAny(['*', '?']) < 0)
        {
            return File.Exists(pattern) ? [pattern] : [];
        }

        var folder = Path.GetDirectoryName(pattern) is { Length: > 0 } written ? written : ".";
        return Directory.Exists(folder) ? Directory.GetFiles(folder, name) : [];
    }
}
