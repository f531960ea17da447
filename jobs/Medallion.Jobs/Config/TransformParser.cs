using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config;

/// <summary>Parses a table's <c>transforms</c>: each item a mapping with exactly one kind key.</summary>
internal sealed class TransformParser
{
    private static readonly string[] Kinds =
        ["drop", "rename", "cast", "split_date", "decode_html", "replace", "trim", "empty_to_null", "derive", "filter", "deduplicate"];

    private static readonly Dictionary<string, DatePart> Parts = new(StringComparer.Ordinal)
    {
        ["year"] = DatePart.Year,
        ["month"] = DatePart.Month,
        ["day"] = DatePart.Day,
    };

    private static readonly Dictionary<string, bool> Keeps = new(StringComparer.Ordinal)
    {
        ["latest"] = true,
        ["first"] = false,
    };

    private readonly ConfigReader _reader;

    public TransformParser(ConfigReader reader) => _reader = reader;

    public List<TransformSpec> ParseList(YamlNode node)
    {
        var transforms = new List<TransformSpec>();
        if (_reader.Sequence(node, "`transforms`") is not { } sequence)
        {
            return transforms;
        }

        foreach (var item in sequence.Children)
        {
            if (Parse(item) is { } transform)
            {
                transforms.Add(transform);
            }
        }

        return transforms;
    }

    private TransformSpec? Parse(YamlNode item)
    {
        if (_reader.Mapping(item, "each entry of `transforms`") is not { } map)
        {
            return null;
        }

        if (map.Children.Count != 1)
        {
            var found = map.Children.Count == 0 ? "none" : string.Join(", ", map.Children.Keys);
            _reader.Error(map, $"a transform must have exactly one key naming its kind, found {found}; kinds are: {string.Join(", ", Kinds)}");
            return null;
        }

        var (keyNode, value) = map.Children.Single();
        var kind = keyNode is YamlScalarNode { Value: { } text } ? text : ConfigReader.Describe(keyNode);
        var at = _reader.At(map);
        return kind switch
        {
            "drop" => Columns(value, kind) is { } columns ? new DropTransform(columns, at) : null,
            "rename" => Pairs(value, kind) is { } pairs ? new RenameTransform(pairs.Select(p => new ColumnRename(p.Key, p.Value)).ToList(), at) : null,
            "cast" => Casts(value, at),
            "split_date" => SplitDate(value, at),
            "decode_html" => Columns(value, kind) is { } columns ? new DecodeHtmlTransform(columns, at) : null,
            "replace" => Replace(value, at),
            "trim" => Columns(value, kind) is { } columns ? new TrimTransform(columns, at) : null,
            "empty_to_null" => Columns(value, kind) is { } columns ? new EmptyToNullTransform(columns, at) : null,
            "derive" => Derive(value, at),
            "filter" => _reader.String(value, "`filter`") is { } condition ? new FilterTransform(condition, at) : null,
            "deduplicate" => Deduplicate(value, at),
            _ => Unknown(keyNode, kind),
        };
    }

    private TransformSpec? Unknown(YamlNode keyNode, string kind)
    {
        _reader.Error(keyNode, $"unknown transform `{kind}`; kinds are: {string.Join(", ", Kinds)}");
        return null;
    }

    private List<string>? Columns(YamlNode node, string kind) =>
        _reader.StringList(node, $"`{kind}`")?.Select(i => i.Value).ToList();

    private List<KeyValuePair<string, string>>? Pairs(YamlNode node, string kind)
    {
        if (_reader.Mapping(node, $"`{kind}`") is not { } map)
        {
            return null;
        }

        if (map.Children.Count == 0)
        {
            _reader.Error(map, $"`{kind}` must name at least one column");
            return null;
        }

        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var (keyNode, value) in map.Children)
        {
            if (_reader.String(keyNode, $"a column in `{kind}`") is { } key && _reader.String(value, $"the value of `{key}` in `{kind}`") is { } text)
            {
                if (kind == "rename")
                {
                    ConfigNames.CheckColumn(_reader, value, text);
                }

                pairs.Add(new(key, text));
            }
        }

        return pairs.Count == map.Children.Count ? pairs : null;
    }

    private CastTransform? Casts(YamlNode node, SourceLocation at)
    {
        if (_reader.Mapping(node, "`cast`") is not { } map)
        {
            return null;
        }

        var casts = new List<ColumnCast>();
        foreach (var (keyNode, value) in map.Children)
        {
            if (ConfigReader.IsSplitDecimalTail(map, keyNode, value))
            {
                // Already reported, with the fix, at the `decimal(p` half.
                continue;
            }

            if (_reader.String(keyNode, "a column in `cast`") is { } column
                && TableParser.ParseType(_reader, value, $"`cast` of column `{column}`") is { } type)
            {
                casts.Add(new ColumnCast(column, type));
            }
        }

        if (map.Children.Count == 0)
        {
            _reader.Error(map, "`cast` must name at least one column");
        }

        return casts.Count == map.Children.Count && casts.Count > 0 ? new CastTransform(casts, at) : null;
    }

    private SplitDateTransform? SplitDate(YamlNode node, SourceLocation at)
    {
        if (_reader.Mapping(node, "`split_date`") is not { } map)
        {
            return null;
        }

        var values = _reader.Keys(map, "`split_date`", "column", "prefix", "parts");
        var column = RequiredString(map, values, "column", "split_date");
        var prefix = ConfigReader.Optional(values, "prefix") is { } prefixNode ? _reader.String(prefixNode, "`prefix`") : null;
        var parts = new List<DatePart> { DatePart.Year, DatePart.Month, DatePart.Day };
        if (ConfigReader.Optional(values, "parts") is { } partsNode && _reader.StringList(partsNode, "`parts`") is { } written)
        {
            parts = [];
            foreach (var (text, partNode) in written)
            {
                if (_reader.Choice(partNode, "each entry of `parts`", Parts) is { } part)
                {
                    parts.Add(part);
                }
            }
        }

        return column is null ? null : new SplitDateTransform(column, prefix ?? column, parts.Distinct().ToList(), at);
    }

    private ReplaceTransform? Replace(YamlNode node, SourceLocation at)
    {
        if (_reader.Mapping(node, "`replace`") is not { } map)
        {
            return null;
        }

        var values = _reader.Keys(map, "`replace`", "columns", "find", "with");
        var columns = _reader.Required(map, values, "columns", "`replace`") is { } columnsNode ? Columns(columnsNode, "replace.columns") : null;
        var find = RequiredString(map, values, "find", "replace");
        if (find is { Length: 0 })
        {
            _reader.Error(values["find"], "`find` must not be empty");
        }

        // An empty `with` (delete the text) is written `with: ""`, which is not a null.
        var with = values.TryGetValue("with", out var withNode) ? _reader.String(withNode, "`with`") : RequiredString(map, values, "with", "replace");
        return columns is null || find is null || with is null ? null : new ReplaceTransform(columns, find, with, at);
    }

    private DeriveTransform? Derive(YamlNode node, SourceLocation at)
    {
        if (_reader.Mapping(node, "`derive`") is not { } map)
        {
            return null;
        }

        var values = _reader.Keys(map, "`derive`", "column", "type", "expression");
        var column = RequiredString(map, values, "column", "derive");
        if (column is not null)
        {
            ConfigNames.CheckColumn(_reader, values["column"], column);
        }

        var type = _reader.Required(map, values, "type", "`derive`") is { } typeNode
            ? TableParser.ParseType(_reader, typeNode, $"derived column `{column}`")
            : null;
        var expression = RequiredString(map, values, "expression", "derive");
        return column is null || type is null || expression is null ? null : new DeriveTransform(column, type, expression, at);
    }

    private DeduplicateTransform? Deduplicate(YamlNode node, SourceLocation at)
    {
        if (_reader.Mapping(node, "`deduplicate`") is not { } map)
        {
            return null;
        }

        var values = _reader.Keys(map, "`deduplicate`", "key", "order_by", "keep");
        var key = _reader.Required(map, values, "key", "`deduplicate`") is { } keyNode ? Columns(keyNode, "deduplicate.key") : null;
        var orderBy = RequiredString(map, values, "order_by", "deduplicate");
        var keepLatest = ConfigReader.Optional(values, "keep") is { } keepNode ? _reader.Choice(keepNode, "`keep`", Keeps) : true;
        return key is null || orderBy is null || keepLatest is null ? null : new DeduplicateTransform(key, orderBy, keepLatest.Value, at);
    }

    private string? RequiredString(YamlMappingNode map, Dictionary<string, YamlNode> values, string key, string kind) =>
        _reader.Required(map, values, key, $"`{kind}`") is { } node ? _reader.String(node, $"`{key}`") : null;
}
