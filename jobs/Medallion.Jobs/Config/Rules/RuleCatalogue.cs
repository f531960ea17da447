namespace Medallion.Jobs.Config.Rules;

/// <summary>
/// Every rule kind, once. The parser finds kinds here and lists them, in this order, when a YAML
/// key names none; adding a kind is one line here (see CONTRIBUTING.md).
/// </summary>
internal static class RuleCatalogue
{
    public static IReadOnlyList<RuleKind> All { get; } =
    [
        RuleKind.Of<NotNullRule>(),
        RuleKind.Of<UniqueRule>(),
        RuleKind.Of<AcceptedValuesRule>(),
        RuleKind.Of<RangeRule>(),
        RuleKind.Of<RegexRule>(),
        RuleKind.Of<MaxLengthRule>(),
        RuleKind.Of<ExpressionRule>(),
    ];

    /// <summary>The kind names, for "kinds are: …" in messages.</summary>
    public static string Names { get; } = string.Join(", ", All.Select(k => k.Name));

    public static RuleKind? Find(string name) => All.FirstOrDefault(k => k.Name == name);
}
