using System.Globalization;
using System.Text.RegularExpressions;
using Medallion.Jobs.Sql;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config;

/// <summary>
/// Reads one YAML file through YamlDotNet's representation model, so every value keeps the line
/// and column it was written at, and collects errors instead of throwing: a user sees every
/// problem of every file in one run.
/// </summary>
internal sealed partial class ConfigReader
{
    private readonly List<ConfigError> _errors;

    /// <param name="fragments">Checks the file's SQL fragments; the loader shares one across files.</param>
    public ConfigReader(string file, List<ConfigError> errors, SqlFragmentChecker fragments)
    {
        File = file;
        _errors = errors;
        Fragments = fragments;
    }

    public string File { get; }

    public SqlFragmentChecker Fragments { get; }

    /// <summary>
    /// Whether an environment of the conf folder runs on Spark: SQL fragments may then use only
    /// <see cref="PortableFunctions"/>, so a DuckDB-only function is reported here, not mid-run on EMR.
    /// </summary>
    public bool SparkMayRun { get; init; }

    /// <summary>How many errors have been reported so far (to tell whether a section added any).</summary>
    public int ErrorCount => _errors.Count;

    /// <summary>Parses <paramref name="text"/>; null (with an error) when it is not one YAML document.</summary>
    public YamlNode? ParseDocument(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            // YamlDotNet wraps the message with the position; ours goes in front already.
            Error(At(e.Start), $"YAML syntax error: {e.InnerException?.Message ?? e.Message}");
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            Error(new SourceLocation(File, 1, 1), "the file is empty; expected a mapping");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            Error(At(stream.Documents[1].RootNode), "the file holds several YAML documents; expected exactly one");
        }

        return stream.Documents[0].RootNode;
    }

    public SourceLocation At(YamlNode node) => At(node.Start);

    public SourceLocation At(Mark mark) => new(File, (int)mark.Line, (int)mark.Column);

    public void Error(YamlNode node, string message) => Error(At(node), message);

    public void Error(SourceLocation location, string message) => _errors.Add(new ConfigError(location, message));

    /// <summary>The node as a mapping, or null with an error naming what it is instead.</summary>
    public YamlMappingNode? Mapping(YamlNode node, string what)
    {
        if (node is YamlMappingNode mapping)
        {
            return mapping;
        }

        Error(node, $"{what} must be a mapping (key: value), found {Describe(node)}");
        return null;
    }

    /// <summary>The node as a sequence, or null with an error naming what it is instead.</summary>
    public YamlSequenceNode? Sequence(YamlNode node, string what)
    {
        if (node is YamlSequenceNode sequence)
        {
            return sequence;
        }

        Error(node, $"{what} must be a list, found {Describe(node)}");
        return null;
    }

    /// <summary>
    /// Reports every key of <paramref name="mapping"/> not in <paramref name="allowed"/> (a typo
    /// never silently does nothing) and returns the values by key.
    /// </summary>
    public Dictionary<string, YamlNode> Keys(YamlMappingNode mapping, string what, params string[] allowed)
    {
        var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (IsSplitDecimalTail(mapping, keyNode, value))
            {
                // Already reported, with the fix, where the type was read.
                continue;
            }

            if (keyNode is not YamlScalarNode { Value: { } key } || !allowed.Contains(key, StringComparer.Ordinal))
            {
                Error(keyNode, $"unknown key `{KeyText(keyNode)}` in {what}; allowed keys are: {string.Join(", ", allowed)}");
                continue;
            }

            values[key] = value;
        }

        return values;
    }

    /// <summary>The value of a required key, or null with an error at the mapping.</summary>
    public YamlNode? Required(YamlMappingNode mapping, Dictionary<string, YamlNode> values, string key, string what)
    {
        if (values.TryGetValue(key, out var value) && !IsNull(value))
        {
            return value;
        }

        Error(value ?? mapping, $"missing required key `{key}` in {what}");
        return null;
    }

    /// <summary>The value of an optional key; null when absent or written as null.</summary>
    public static YamlNode? Optional(Dictionary<string, YamlNode> values, string key) =>
        values.TryGetValue(key, out var value) && !IsNull(value) ? value : null;

    public string? String(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: { } value })
        {
            return value;
        }

        Error(node, $"{what} must be a text value, found {Describe(node)}");
        return null;
    }

    public bool? Bool(YamlNode node, string what)
    {
        var text = ScalarText(node);
        if (text is not null && bool.TryParse(text, out var value))
        {
            return value;
        }

        Error(node, $"{what} must be true or false, found {Describe(node)}");
        return null;
    }

    public long? Long(YamlNode node, string what, long min, long max = long.MaxValue)
    {
        var text = ScalarText(node);
        if (text is not null && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        var bound = max == long.MaxValue ? $">= {min}" : $"between {min} and {max}";
        Error(node, $"{what} must be a whole number {bound}, found {Describe(node)}");
        return null;
    }

    public double? Double(YamlNode node, string what, double min, double max = double.PositiveInfinity)
    {
        var text = ScalarText(node);
        if (text is not null
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value) && value >= min && value <= max)
        {
            return value;
        }

        var bound = double.IsPositiveInfinity(max)
            ? string.Create(CultureInfo.InvariantCulture, $">= {min}")
            : string.Create(CultureInfo.InvariantCulture, $"between {min} and {max}");
        Error(node, $"{what} must be a number {bound}, found {Describe(node)}");
        return null;
    }

    /// <summary>One of <paramref name="choices"/> (as written in YAML), or null with an error listing them.</summary>
    public T? Choice<T>(YamlNode node, string what, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        var text = ScalarText(node);
        if (text is not null && choices.TryGetValue(text, out var value))
        {
            return value;
        }

        Error(node, $"{what} must be one of {string.Join(", ", choices.Keys)}, found {Describe(node)}");
        return null;
    }

    /// <summary>A list of text values (each with its node), or null with an error.</summary>
    public List<(string Value, YamlNode Node)>? StringList(YamlNode node, string what, bool allowEmpty = false)
    {
        if (Sequence(node, what) is not { } sequence)
        {
            return null;
        }

        if (sequence.Children.Count == 0 && !allowEmpty)
        {
            Error(node, $"{what} must list at least one value");
            return null;
        }

        var items = new List<(string, YamlNode)>();
        foreach (var child in sequence.Children)
        {
            if (String(child, $"each entry of {what}") is { } value)
            {
                items.Add((value, child));
            }
        }

        return items.Count == sequence.Children.Count ? items : null;
    }

    /// <summary>
    /// In a flow mapping the comma of an unquoted <c>decimal(18,2)</c> splits it into the value
    /// <c>decimal(18</c> and a key <c>2)</c> with no value; true for that key.
    /// </summary>
    public static bool IsSplitDecimalTail(YamlMappingNode mapping, YamlNode key, YamlNode value) =>
        mapping.Style == YamlDotNet.Core.Events.MappingStyle.Flow
        && IsNull(value)
        && key is YamlScalarNode { Value: { } text }
        && SplitDecimalTail().IsMatch(text)
        && mapping.Children.Values.Any(v => v is YamlScalarNode { Value: { } head } && IsSplitDecimalHead(head));

    /// <summary>True for the <c>decimal(18</c> half of a type split by a flow mapping's comma.</summary>
    public static bool IsSplitDecimalHead(string text) => SplitDecimalHead().IsMatch(text);

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    /// <summary>What a node is, for "found ..." in messages.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ when IsNull(node) => "nothing",
        YamlScalarNode scalar => $"`{scalar.Value}`",
        _ => "an unsupported value",
    };

    private static string? ScalarText(YamlNode node) => node is YamlScalarNode { Value: { } value } && !IsNull(node) ? value : null;

    private static string KeyText(YamlNode key) => key is YamlScalarNode { Value: { } text } ? text : Describe(key);

    [GeneratedRegex(@"^\s*\d+\s*\)\s*\z")]
    private static partial Regex SplitDecimalTail();

    [GeneratedRegex(@"^\s*decimal\s*\(\s*\d+\s*\z", RegexOptions.IgnoreCase)]
    private static partial Regex SplitDecimalHead();
}
