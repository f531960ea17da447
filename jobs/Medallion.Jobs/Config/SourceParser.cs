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

        return path is null || format is null ? null : new SourceSpec(path, format.Value, csv, _reader.At(map));
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

        return options;
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
