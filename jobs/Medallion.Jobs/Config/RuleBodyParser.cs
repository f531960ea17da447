using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config;

/// <summary>Parses the body of a rule (the mapping under its kind key) into its record.</summary>
internal sealed class RuleBodyParser
{
    private readonly ConfigReader _reader;

    public RuleBodyParser(ConfigReader reader) => _reader = reader;

    public RuleSpec? Parse(string kind, YamlNode node, RuleHeader header)
    {
        var what = $"`{kind}`";
        if (_reader.Mapping(node, what) is not { } map)
        {
            return null;
        }

        switch (kind)
        {
            case "not_null":
            {
                var values = _reader.Keys(map, what, "column");
                return Text(map, values, "column", what) is { } column
                    ? new NotNullRule(column, header.NameFor(kind, [column]), header.Severity, header.Threshold, header.Location)
                    : null;
            }

            case "unique":
            {
                var values = _reader.Keys(map, what, "columns");
                var columns = _reader.Required(map, values, "columns", what) is { } columnsNode
                    ? _reader.StringList(columnsNode, "`columns`")?.Select(i => i.Value).ToList()
                    : null;
                return columns is null ? null : new UniqueRule(columns, header.NameFor(kind, columns), header.Severity, header.Threshold, header.Location);
            }

            case "accepted_values":
            {
                var values = _reader.Keys(map, what, "column", "values");
                var column = Text(map, values, "column", what);
                var accepted = _reader.Required(map, values, "values", what) is { } acceptedNode
                    ? _reader.StringList(acceptedNode, "`values`")?.Select(i => i.Value).ToList()
                    : null;
                return column is null || accepted is null
                    ? null
                    : new AcceptedValuesRule(column, accepted, header.NameFor(kind, [column]), header.Severity, header.Threshold, header.Location);
            }

            case "range":
            {
                var values = _reader.Keys(map, what, "column", "min", "max");
                var column = Text(map, values, "column", what);
                var min = ConfigReader.Optional(values, "min") is { } minNode ? _reader.String(minNode, "`min`") : null;
                var max = ConfigReader.Optional(values, "max") is { } maxNode ? _reader.String(maxNode, "`max`") : null;
                if (min is null && max is null)
                {
                    // A range with no bound passes every row, which is never what was meant.
                    _reader.Error(map, "`range` needs `min`, `max` or both");
                    return null;
                }

                return column is null ? null : new RangeRule(column, min, max, header.NameFor(kind, [column]), header.Severity, header.Threshold, header.Location);
            }

            case "regex":
            {
                var values = _reader.Keys(map, what, "column", "pattern");
                var column = Text(map, values, "column", what);
                var pattern = Text(map, values, "pattern", what);
                if (pattern is not null && !IsValidRegex(values["pattern"], pattern))
                {
                    return null;
                }

                return column is null || pattern is null
                    ? null
                    : new RegexRule(column, pattern, header.NameFor(kind, [column]), header.Severity, header.Threshold, header.Location);
            }

            case "max_length":
            {
                var values = _reader.Keys(map, what, "column", "length");
                var column = Text(map, values, "column", what);
                var length = _reader.Required(map, values, "length", what) is { } lengthNode ? _reader.Long(lengthNode, "`length`", 1, int.MaxValue) : null;
                return column is null || length is null
                    ? null
                    : new MaxLengthRule(column, (int)length.Value, header.NameFor(kind, [column]), header.Severity, header.Threshold, header.Location);
            }

            default:
            {
                var values = _reader.Keys(map, what, "sql");
                return Text(map, values, "sql", what) is { } sql
                    ? new ExpressionRule(sql, header.NameFor(kind, []), header.Severity, header.Threshold, header.Location)
                    : null;
            }
        }
    }

    private bool IsValidRegex(YamlNode node, string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException e)
        {
            _reader.Error(node, $"`pattern` `{pattern}` is not a valid regular expression: {e.Message}");
            return false;
        }
    }

    private string? Text(YamlMappingNode map, Dictionary<string, YamlNode> values, string key, string what) =>
        _reader.Required(map, values, key, what) is { } node ? _reader.String(node, $"`{key}`") : null;
}
