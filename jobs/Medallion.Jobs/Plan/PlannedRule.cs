using Medallion.Jobs.Config;

namespace Medallion.Jobs.Plan;

/// <summary>
/// A rule as the engine checks it: a rule from the YAML, or the implicit <c>cast_&lt;column&gt;</c>
/// rule a cast transform adds.
/// </summary>
/// <param name="FlagColumn">The internal boolean column that is true where a row breaks the rule.</param>
/// <param name="Spec">The YAML rule, or null for an implicit cast rule.</param>
/// <param name="CastFlagColumn">For a cast rule: the column the cast step sets when a value does not cast.</param>
internal sealed record PlannedRule(
    string Name,
    string Kind,
    RuleSeverity Severity,
    double? Threshold,
    string FlagColumn,
    RuleSpec? Spec,
    string? CastFlagColumn)
{
    /// <summary>True when a broken row leaves silver (quarantine and fail rules).</summary>
    public bool IsBlocking => Severity != RuleSeverity.Warn;
}
