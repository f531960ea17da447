using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config.Casting;

/// <summary>
/// Reads the cast options (<see cref="CastOptions.Keys"/>) of a bronze column or a <c>cast</c>
/// entry, once its type is known: an option the type does not use is an error, and a format's
/// unsupported token is reported at the character where it was written.
/// </summary>
internal static class CastOptionsParser
{
    private static readonly Dictionary<string, DecimalRounding> Roundings = new(StringComparer.Ordinal)
    {
        ["half_even"] = DecimalRounding.HalfEven,
        ["half_up"] = DecimalRounding.HalfUp,
    };

    /// <param name="values">The mapping's values by key (only the option keys are read).</param>
    /// <param name="what">The column or entry, for messages, e.g. "column `amount`".</param>
    public static CastOptions Parse(ConfigReader reader, Dictionary<string, YamlNode> values, ColumnType type, string what)
    {
        var options = CastOptions.Default;
        if (ConfigReader.Optional(values, "format") is { } formatNode
            && Applies(reader, formatNode, "format", type, what, ColumnKind.Date, ColumnKind.Timestamp))
        {
            options = options with { Formats = Formats(reader, formatNode, type.Kind, what) };
        }

        if (ConfigReader.Optional(values, "round") is { } roundNode && Applies(reader, roundNode, "round", type, what, ColumnKind.Decimal))
        {
            options = options with { Rounding = reader.Choice(roundNode, $"`round` of {what}", Roundings) ?? DecimalRounding.Fail };
        }

        if (ConfigReader.Optional(values, "thousands") is { } thousandsNode
            && Applies(reader, thousandsNode, "thousands", type, what, ColumnKind.Int, ColumnKind.Long, ColumnKind.Decimal)
            && reader.String(thousandsNode, $"`thousands` of {what}") is { } separator)
        {
            if (separator.Length != 1 || char.IsAsciiDigit(separator[0]) || separator[0] is '.' or '+' or '-')
            {
                reader.Error(thousandsNode, $"`thousands` of {what} must be one character other than a digit, `.`, `+` or `-`, found `{separator}`");
            }
            else
            {
                options = options with { ThousandsSeparator = separator[0] };
            }
        }

        var trueWords = Words(reader, values, "true_values", type, what);
        var falseWords = Words(reader, values, "false_values", type, what);
        if (trueWords is not null && falseWords is not null
            && trueWords.Intersect(falseWords, StringComparer.OrdinalIgnoreCase).FirstOrDefault() is { } both)
        {
            reader.Error(values["false_values"], $"`{both}` is both a true and a false value of {what}");
        }

        return options with { TrueWords = trueWords, FalseWords = falseWords };
    }

    private static bool Applies(ConfigReader reader, YamlNode node, string key, ColumnType type, string what, params ColumnKind[] kinds)
    {
        if (kinds.Contains(type.Kind))
        {
            return true;
        }

        reader.Error(node, $"`{key}` does not apply to {what}, which is {type}; it applies to {string.Join(", ", kinds.Select(k => k.ToString().ToLowerInvariant()))}");
        return false;
    }

    private static List<string>? Words(ConfigReader reader, Dictionary<string, YamlNode> values, string key, ColumnType type, string what)
    {
        if (ConfigReader.Optional(values, key) is not { } node || !Applies(reader, node, key, type, what, ColumnKind.Boolean)
            || reader.StringList(node, $"`{key}` of {what}") is not { } items)
        {
            return null;
        }

        foreach (var (word, wordNode) in items.Where(i => i.Value.Trim().Length == 0 || i.Value != i.Value.Trim()))
        {
            reader.Error(wordNode, $"`{key}` of {what} lists `{word}`; a word is not empty and has no surrounding space (surrounding spaces of a value are ignored)");
        }

        return items.Select(i => i.Value).ToList();
    }

    private static List<DateTimePattern> Formats(ConfigReader reader, YamlNode node, ColumnKind target, string what)
    {
        var items = node is YamlScalarNode
            ? reader.String(node, $"`format` of {what}") is { } single ? [(single, node)] : null
            : reader.StringList(node, $"`format` of {what}");
        var formats = new List<DateTimePattern>();
        foreach (var (text, itemNode) in items ?? [])
        {
            var errors = new List<(int Index, string Message)>();
            if (DateTimePattern.Parse(text, target, errors) is { } pattern)
            {
                formats.Add(pattern);
                continue;
            }

            foreach (var (index, message) in errors)
            {
                reader.Error(Within(reader, itemNode, index), $"format `{text}` of {what}: {message}");
            }
        }

        return formats;
    }

    /// <summary>The position of character <paramref name="index"/> of a one-line scalar (after its opening quote, if any).</summary>
    private static SourceLocation Within(ConfigReader reader, YamlNode node, int index)
    {
        var start = reader.At(node);
        var quoted = node is YamlScalarNode { Style: ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted } ? 1 : 0;
        return start with { Column = start.Column + quoted + index };
    }
}
