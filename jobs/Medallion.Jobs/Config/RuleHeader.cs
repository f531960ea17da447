namespace Medallion.Jobs.Config;

/// <summary>What every rule kind shares, read before its body.</summary>
/// <param name="Name">The name written in YAML, or null.</param>
/// <param name="DefaultName">The default when no name is written and the kind names no column (expressions).</param>
/// <param name="Severity">The severity written, else quarantine.</param>
/// <param name="Threshold">The threshold written, or null.</param>
/// <param name="Location">Where the rule item starts.</param>
internal sealed record RuleHeader(string? Name, string? DefaultName, RuleSeverity Severity, double? Threshold, SourceLocation Location)
{
    /// <summary>The written name, else <c>&lt;kind&gt;_&lt;columns joined by _&gt;</c>.</summary>
    public string NameFor(string kind, IEnumerable<string> columns) =>
        Name ?? DefaultName ?? $"{kind}_{string.Join("_", columns)}";
}
