using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config;

/// <summary>Parses a table's <c>source</c> block, including the CSV dialect.</summary>
internal sealed class SourceParser
{
    internal static readonly Dictionary<string, SourceFormat> Formats = new(StringComparer.Ordinal)
    {
        ["json"] = SourceFormat.Json,
        ["csv"] = SourceFormat.Csv,
        ["parquet"] = SourceFormat.Parquet,
    };

    private readonly ConfigReader _reader;

    public SourceParser(ConfigReader reader) => _reader = reader;

    public SourceSpec? Parse(YamlNode node)
    {
        const string What = "`source`";
        if (_reader.Mapping(node, What) is not { } map)
        {
            return null;
        }

        var values = _reader.Keys(map, What, "path", "format", "csv");
        var path = _reader.Required(map, values, "path", What) is { } pathNode ? _reader.String(pathNode, "`path`") : null;
        if (path is not null)
        {
            CheckPath(values["path"], path);
        }

        SourceFormat? format = _reader.Required(map, values, "format", What) is { } formatNode
            ? _reader.Choice(formatNode, "`format`", Formats)
            : null;
        var csv = CsvOptions.Default;
        if (ConfigReader.Optional(values, "csv") is { } csvNode)
        {
            if (format is not null and not SourceFormat.Csv)
            {
                _reader.Error(csvNode, $"`csv` options apply only to format csv, but this source is {format.Value.ToString().ToLowerInvariant()}");
            }

            csv = ParseCsv(csvNode);
        }

        if (path is null || format is null)
        {
            return null;
        }

        // The engines read a glob: `{date}` is any one value there; backfill reads the dates from DatedPath.
        var dated = path.Contains(SourceSpec.DatePlaceholder, StringComparison.Ordinal) ? path : null;
        return new SourceSpec(dated?.Replace(SourceSpec.DatePlaceholder, "*", StringComparison.Ordinal) ?? path, format.Value, csv, _reader.At(map)) { DatedPath = dated };
    }

    private CsvOptions ParseCsv(YamlNode node)
    {
        if (_reader.Mapping(node, "`csv`") is not { } map)
        {
            return CsvOptions.Default;
        }

        var values = _reader.Keys(map, "`csv`", "header", "delimiter", "quote", "escape");
        var options = CsvOptions.Default;
        if (ConfigReader.Optional(values, "header") is { } headerNode && _reader.Bool(headerNode, "`header`") is { } header)
        {
            options = options with { Header = header };
        }

        if (Character(values, "delimiter") is { } delimiter)
        {
            options = options with { Delimiter = delimiter };
        }

        if (Character(values, "quote") is { } quote)
        {
            options = options with { Quote = quote };
        }

        if (Character(values, "escape") is { } escape)
        {
            options = options with { Escape = escape };
        }

        CheckDialect(values, options);
        return options;
    }

    /// <summary>
    /// A source path is a glob relative to the raw root, the same on a folder and on S3: an absolute
    /// path, a URI, a drive or a <c>..</c> segment would read outside the root (<c>../../etc/*</c>).
    /// </summary>
    private void CheckPath(YamlNode node, string path)
    {
        var segments = path.Replace('\\', '/').Split('/');
        var problem = path.Trim().Length == 0 ? "it is empty"
            : path.StartsWith('/') || path.StartsWith('\\') || path.StartsWith('~') ? "it is absolute"
            : path.Contains("://", StringComparison.Ordinal) ? "it is a URI; the environment's `raw_root` says where raw files are"
            : path.Length >= 2 && path[1] == ':' ? "it names a drive"
            : segments.Any(s => s == "..") ? "it climbs out of the raw root with `..`"
            : path.Any(char.IsControl) ? "it holds a control character"
            : PlaceholderProblem(path);
        if (problem is not null)
        {
            _reader.Error(node, $"`path` must be a glob relative to the environment's raw root, such as orders/*.json, but {problem}: `{path}`");
        }
    }

    /// <summary>
    /// Braces are for the one placeholder, <c>{date}</c> (a <c>yyyy-MM-dd</c> date that backfill slices
    /// by), at most once: another name, a stray brace or a second <c>{date}</c> would leave a glob that
    /// matches nothing or a date that cannot be told.
    /// </summary>
    private static string? PlaceholderProblem(string path)
    {
        var rest = path.Replace(SourceSpec.DatePlaceholder, "", StringComparison.Ordinal);
        var count = (path.Length - rest.Length) / SourceSpec.DatePlaceholder.Length;
        if (rest.IndexOfAny(['{', '}']) is var at and >= 0)
        {
            var end = rest.IndexOf('}', at);
            var written = rest[at] == '{' && end > at ? rest[at..(end + 1)] : rest[at].ToString();
            return $"`{written}` is not a placeholder; the only one is {SourceSpec.DatePlaceholder} (yyyy-MM-dd), as in orders/dt={SourceSpec.DatePlaceholder}/*.json";
        }

        return count > 1 ? $"it has {SourceSpec.DatePlaceholder} {count} times; a path has at most one date" : null;
    }

    /// <summary>A delimiter equal to the quote or escape, or a line break as either, leaves no way to read a field.</summary>
    private void CheckDialect(Dictionary<string, YamlNode> values, CsvOptions options)
    {
        var at = ConfigReader.Optional(values, "delimiter") ?? ConfigReader.Optional(values, "quote") ?? ConfigReader.Optional(values, "escape");
        if (at is null)
        {
            return;
        }

        foreach (var (key, value) in new[] { ("delimiter", options.Delimiter), ("quote", options.Quote), ("escape", options.Escape) })
        {
            if (value is '\n' or '\r')
            {
                _reader.Error(ConfigReader.Optional(values, key) ?? at, $"`{key}` cannot be a line break");
            }
        }

        if (options.Delimiter == options.Quote || options.Delimiter == options.Escape)
        {
            var other = options.Delimiter == options.Quote ? "quote" : "escape";
            _reader.Error(
                ConfigReader.Optional(values, "delimiter") ?? at,
                $"`delimiter` `{options.Delimiter}` is also the {other} character; a CSV needs them to differ (the {other} is `{(other == "quote" ? options.Quote : options.Escape)}`)");
        }
    }

    private char? Character(Dictionary<string, YamlNode> values, string key)
    {
        if (ConfigReader.Optional(values, key) is not { } node || _reader.String(node, $"`{key}`") is not { } text)
        {
            return null;
        }

        if (text.Length == 1)
        {
            return text[0];
        }

        _reader.Error(node, $"`{key}` must be a single character, found `{text}` ({text.Length} characters)");
        return null;
    }
}
