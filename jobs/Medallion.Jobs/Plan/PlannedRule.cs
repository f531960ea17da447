using Medallion.Jobs.Config;
using Medallion.Jobs.Config.Rules;

namespace Medallion.Jobs.Plan;

/// <summary>
/// A rule as the engine checks it: a rule from the YAML, or an implicit rule a transform adds
/// (a cast's <c>cast_&lt;column&gt;</c>). Exactly one of <paramref name="Spec"/> and
/// <paramref name="StepFlagColumn"/> is set.
/// </summary>
/// <param name="FlagColumn">The internal boolean column that is true where a row breaks the rule.</param>
/// <param name="Spec">The YAML rule, or null for an implicit rule.</param>
/// <param name="StepFlagColumn">For an implicit rule: the column its transform's step sets where a row breaks it.</param>
public sealed record PlannedRule(
    string Name,
    string Kind,
    RuleSeverity Severity,
    double? Threshold,
    string FlagColumn,
    RuleSpec? Spec,
    string? StepFlagColumn)
{
    /// <summary>True when a broken row leaves silver (quarantine and fail rules).</summary>
    public bool IsBlocking => Severity != RuleSeverity.Warn;
}
