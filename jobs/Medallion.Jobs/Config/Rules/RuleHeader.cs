namespace Medallion.Jobs.Config.Rules;

/// <summary>What every rule kind shares, read before its body.</summary>
/// <param name="Name">The name written in YAML, or null.</param>
/// <param name="Ordinal">The rule's number among the table's rules of its kind (1 for the first), for default names of kinds that name no column.</param>
/// <param name="Severity">The severity written, else quarantine.</param>
/// <param name="Threshold">The threshold written, or null.</param>
/// <param name="Location">Where the rule item starts.</param>
internal sealed record RuleHeader(string? Name, int Ordinal, RuleSeverity Severity, double? Threshold, SourceLocation Location)
{
    /// <summary>
    /// The written name, else <c>&lt;kind&gt;_&lt;columns joined by _&gt;</c>, or <c>&lt;kind&gt;_&lt;ordinal&gt;</c>
    /// for a rule that names no column (<c>expression_1</c>, <c>expression_2</c>, …).
    /// </summary>
    public string NameFor(string kind, IReadOnlyCollection<string> columns) =>
        Name ?? (columns.Count == 0 ? $"{kind}_{Ordinal}" : $"{kind}_{string.Join("_", columns)}");
}
