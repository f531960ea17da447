using System.Text.RegularExpressions;
using Medallion.Jobs.Config.Transforms;
using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config.Rules;

/// <summary>
/// Parses a table's <c>rules</c>: each item a mapping with one kind key plus optional
/// <c>name</c>, <c>severity</c> and <c>threshold</c>; the kind key names a kind in <see cref="RuleCatalogue"/>,
/// which reads the mapping under it. Assigns default names and checks they are unique.
/// </summary>
internal sealed partial class RuleParser
{
    internal static readonly string[] Modifiers = ["name", "severity", "threshold"];

    internal static readonly Dictionary<string, RuleSeverity> Severities = new(StringComparer.Ordinal)
    {
        ["warn"] = RuleSeverity.Warn,
        ["quarantine"] = RuleSeverity.Quarantine,
        ["fail"] = RuleSeverity.Fail,
    };

    private readonly ConfigReader _reader;

    public RuleParser(ConfigReader reader) => _reader = reader;

    public List<RuleSpec> ParseList(YamlNode node, IReadOnlyList<TransformSpec> transforms, IReadOnlyList<string> partitionBy)
    {
        var rules = new List<RuleSpec>();
        if (_reader.Sequence(node, "`rules`") is not { } sequence)
        {
            return rules;
        }

        // Names the engine gives its own rules; a user rule with one of them would be ambiguous in _rule_failures.
        var reserved = new Dictionary<string, string>(StringComparer.Ordinal) { ["malformed"] = "unreadable records" };
        foreach (var rule in transforms.SelectMany((transform, step) => transform.ImplicitRules(step)))
        {
            reserved.TryAdd(rule.Name, rule.Reason);
        }

        foreach (var column in partitionBy)
        {
            reserved.TryAdd($"partition_{column}", $"values of `{column}` too long for a partition folder name");
        }

        // Default names of kinds that name no column count the items of their kind: expression_1, expression_2, ...
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new Dictionary<string, RuleSpec>(StringComparer.Ordinal);
        foreach (var item in sequence.Children)
        {
            IEnumerable<string> kindsNamed = item is YamlMappingNode map
                ? map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value).OfType<string>().Where(k => RuleCatalogue.Find(k) is not null)
                : [];
            foreach (var kind in kindsNamed)
            {
                ordinals[kind] = ordinals.GetValueOrDefault(kind) + 1;
            }

            if (Parse(item, ordinals) is not { } rule)
            {
                continue;
            }

            if (seen.TryGetValue(rule.Name, out var first))
            {
                _reader.Error(rule.Location, $"duplicate rule name `{rule.Name}`; it is already used at {first.Location}; give one of them a `name:`");
            }
            else if (reserved.TryGetValue(rule.Name, out var reason))
            {
                _reader.Error(rule.Location, $"rule name `{rule.Name}` is reserved for the implicit rule on {reason}; choose another `name:`");
            }

            seen.TryAdd(rule.Name, rule);
            rules.Add(rule);
        }

        return rules;
    }

    private RuleSpec? Parse(YamlNode item, Dictionary<string, int> ordinals)
    {
        if (_reader.Mapping(item, "each entry of `rules`") is not { } map)
        {
            return null;
        }

        var kindKeys = map.Children.Keys.Where(k => k is not YamlScalarNode { Value: { } key } || !Modifiers.Contains(key)).ToList();
        if (kindKeys.Count != 1)
        {
            var found = kindKeys.Count == 0 ? "none" : string.Join(", ", kindKeys);
            _reader.Error(map, $"a rule must have exactly one key naming its kind, found {found}; kinds are: {RuleCatalogue.Names}");
            return null;
        }

        var kindNode = kindKeys[0];
        var kind = kindNode is YamlScalarNode { Value: { } text } ? text : ConfigReader.Describe(kindNode);
        if (RuleCatalogue.Find(kind) is not { } ruleKind)
        {
            _reader.Error(kindNode, $"unknown rule `{kind}`; kinds are: {RuleCatalogue.Names} (plus optional {string.Join(", ", Modifiers)})");
            return null;
        }

        var values = _reader.Keys(map, "a rule", [kind, .. Modifiers]);
        var name = ConfigReader.Optional(values, "name") is { } nameNode ? RuleName(nameNode) : null;
        var severity = ConfigReader.Optional(values, "severity") is { } severityNode
            ? _reader.Choice(severityNode, "`severity`", Severities) ?? RuleSeverity.Quarantine
            : RuleSeverity.Quarantine;
        double? threshold = null;
        if (ConfigReader.Optional(values, "threshold") is { } thresholdNode)
        {
            threshold = _reader.Double(thresholdNode, "`threshold`", 0, 1);
            if (severity != RuleSeverity.Fail)
            {
                // Only `fail` reads a threshold; anywhere else it would silently do nothing.
                _reader.Error(thresholdNode, $"`threshold` applies only to severity fail, but this rule's severity is {severity.ToString().ToLowerInvariant()}");
            }
        }

        return _reader.Mapping(values[kind], $"`{kind}`") is { } body
            ? ruleKind.Parse(_reader, body, new RuleHeader(name, ordinals[kind], severity, threshold, _reader.At(map)))
            : null;
    }

    private string? RuleName(YamlNode node)
    {
        if (_reader.String(node, "`name`") is not { } name)
        {
            return null;
        }

        if (!RuleNamePattern().IsMatch(name))
        {
            _reader.Error(node, $"rule name `{name}` is invalid; expected ^[A-Za-z][A-Za-z0-9_]{{0,127}}$");
        }

        return name;
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]{0,127}\z")]
    private static partial Regex RuleNamePattern();
}
