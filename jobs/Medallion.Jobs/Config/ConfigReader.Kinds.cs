using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config;

/// <summary>The shapes transform and rule kinds share, read the same way in every kind.</summary>
internal sealed partial class ConfigReader
{
    /// <summary>A non-empty list of names (columns, values), or null with an error.</summary>
    public List<string>? Names(YamlNode node, string what) => StringList(node, what)?.Select(i => i.Value).ToList();

    /// <summary>The text under a required key, or null with an error naming the key and <paramref name="what"/>.</summary>
    public string? RequiredString(YamlMappingNode map, Dictionary<string, YamlNode> values, string key, string what) =>
        Required(map, values, key, what) is { } node ? String(node, $"`{key}`") : null;
}
