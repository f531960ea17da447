namespace Medallion.Jobs.Config.Transforms;

/// <summary>
/// A rule a transform adds by itself, e.g. <c>cast_amount</c> for values that do not cast: broken
/// where the transform's step set <paramref name="StepFlag"/>.
/// </summary>
/// <param name="Name">The rule name in <c>_rule_failures</c>; reserved, so no YAML rule may take it.</param>
/// <param name="Kind">The kind the plan reports, e.g. <c>cast</c>.</param>
/// <param name="Reason">What the rule is about, for the "reserved for the implicit rule on …" message.</param>
/// <param name="FlagColumn">The internal column that is true where a live row breaks the rule.</param>
/// <param name="StepFlag">The internal column the transform's step sets (a <see cref="Sql.RowFlag.RuleInput"/> flag).</param>
internal sealed record ImplicitRule(string Name, string Kind, string Reason, string FlagColumn, string StepFlag);
