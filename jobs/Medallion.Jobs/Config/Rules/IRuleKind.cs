using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config.Rules;

/// <summary>
/// What a rule kind tells the catalogue before any instance exists: its YAML key and how to read
/// the mapping under that key. Implemented by each <see cref="RuleSpec"/> record.
/// </summary>
internal interface IRuleKind
{
    /// <summary>The YAML key, e.g. <c>not_null</c>.</summary>
    static abstract string KindName { get; }

    /// <summary>Reads the mapping under the kind's key; null after reporting every error through <paramref name="reader"/>.</summary>
    /// <param name="header">The name, severity, threshold and location the rule item shares with every kind.</param>
    static abstract RuleSpec? Parse(ConfigReader reader, YamlMappingNode body, RuleHeader header);
}
