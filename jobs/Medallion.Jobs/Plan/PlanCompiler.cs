using Medallion.Jobs.Config;

namespace Medallion.Jobs.Plan;

/// <summary>Compiles a validated table spec into its <see cref="TablePlan"/>.</summary>
public static class PlanCompiler
{
    /// <exception cref="ConfigurationException">The table's columns do not flow (only for specs that skipped loading).</exception>
    public static TablePlan Compile(DatasetSpec dataset, TableSpec table)
    {
        var flow = ColumnFlow.Trace(table);
        if (flow.Errors.Count > 0)
        {
            throw new ConfigurationException(flow.Errors);
        }

        // The transforms' implicit rules come first, in step order, then the partition rules, then the YAML rules.
        var rules = table.Transforms
            .SelectMany((transform, step) => transform.ImplicitRules(step))
            .Select(r => new PlannedRule(r.Name, r.Kind, RuleSeverity.Quarantine, Threshold: null, r.FlagColumn, Spec: null, r.StepFlag))
            .ToList();
        // Then one per partition column: a value too long for a folder name would fail the silver write.
        rules.AddRange(table.PartitionBy.Select(column => new PlannedRule(
            $"partition_{column}", "partition_by", RuleSeverity.Quarantine, Threshold: null, $"__rule_partition_{column}", Spec: null, StepFlagColumn: null)
        {
            PartitionColumn = column,
        }));
        rules.AddRange(table.Rules.Select((rule, index) => new PlannedRule(
            rule.Name, rule.Kind, rule.Severity, rule.Threshold, $"__rule_{index}", rule, StepFlagColumn: null)));
        return new TablePlan(dataset, table, flow, rules);
    }
}
