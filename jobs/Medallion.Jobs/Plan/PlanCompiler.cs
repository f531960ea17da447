using Medallion.Jobs.Config;

namespace Medallion.Jobs.Plan;

/// <summary>Compiles a validated table spec into its <see cref="TablePlan"/>.</summary>
internal static class PlanCompiler
{
    /// <exception cref="ConfigurationException">The table's columns do not flow (only for specs that skipped loading).</exception>
    public static TablePlan Compile(DatasetSpec dataset, TableSpec table)
    {
        var flow = ColumnFlow.Trace(table);
        if (flow.Errors.Count > 0)
        {
            throw new ConfigurationException(flow.Errors);
        }

        var rules = new List<PlannedRule>();
        for (var step = 0; step < table.Transforms.Count; step++)
        {
            if (table.Transforms[step] is CastTransform cast)
            {
                rules.AddRange(cast.Casts.Select(c => new PlannedRule(
                    $"cast_{c.Column}",
                    "cast",
                    RuleSeverity.Quarantine,
                    Threshold: null,
                    FlagColumn: $"__rule_cast_{step}_{c.Column}",
                    Spec: null,
                    CastFlagColumn: CastFailedColumn(step, c.Column))));
            }
        }

        rules.AddRange(table.Rules.Select((rule, index) => new PlannedRule(
            rule.Name, rule.Kind, rule.Severity, rule.Threshold, $"__rule_{index}", rule, CastFlagColumn: null)));
        return new TablePlan(dataset, table, flow, rules);
    }

    /// <summary>The internal column a cast step sets where a non-null value did not cast.</summary>
    public static string CastFailedColumn(int step, string column) => $"__cast_failed_{step}_{column}";
}
