using Medallion.Jobs.Config;
using Medallion.Jobs.Plan;

namespace Medallion.Jobs.Engine;

/// <summary>The silver counts of one run, on either engine; the rule counts are keyed by rule name.</summary>
public sealed record SilverCounts(
    long Read, long Silver, long Quarantined, long Duplicates, long Filtered, long Malformed, IReadOnlyDictionary<string, long> RuleFailures)
{
    private const int FixedColumns = 6;

    /// <summary>The counts from the one row of <c>SparkSilverSql.Counts</c>.</summary>
    /// <param name="values">The row's values in column order.</param>
    /// <exception cref="ArgumentException">The row does not have one count per planned rule.</exception>
    public static SilverCounts From(TablePlan plan, IReadOnlyList<long> values)
    {
        if (values.Count != FixedColumns + plan.Rules.Count)
        {
            throw new ArgumentException(
                $"The counts row has {values.Count} values but the plan of {plan.Dataset.Name}.{plan.Table.Name} expects {FixedColumns + plan.Rules.Count}.",
                nameof(values));
        }

        var failures = new Dictionary<string, long>(StringComparer.Ordinal);
        if (values[5] > 0)
        {
            failures[LineageColumns.MalformedRule] = values[5];
        }

        for (var i = 0; i < plan.Rules.Count; i++)
        {
            failures[plan.Rules[i].Name] = values[FixedColumns + i];
        }

        return new SilverCounts(values[0], values[1], values[2], values[3], values[4], values[5], failures);
    }

    /// <summary>
    /// The fail rules that stop the run, with the same arithmetic as the embedded engine: a
    /// broken row fails the run unless the rule has a threshold the broken share stays within.
    /// </summary>
    public IReadOnlyList<string> FailedRules(TablePlan plan)
    {
        // The rules are checked on every live row, before deduplication chooses among the valid ones.
        var checkedRows = Read - Malformed - Filtered;
        return plan.Rules
            .Where(r => r.Severity == RuleSeverity.Fail)
            .Select(r => (Rule: r, Count: RuleFailures[r.Name], Share: checkedRows == 0 ? 0 : (double)RuleFailures[r.Name] / checkedRows))
            .Where(x => x.Count > 0 && (x.Rule.Threshold is not { } limit || x.Share > limit))
            .Select(x => $"`{x.Rule.Name}` broken by {x.Count} of {checkedRows} rows ({x.Share:P2}" +
                (x.Rule.Threshold is { } t ? $", threshold {t:P2})" : ", no threshold)") + $" at {x.Rule.Spec?.Location}")
            .ToList();
    }

    /// <summary>Stops the run before anything is written when a <c>fail</c> rule is broken beyond its threshold.</summary>
    /// <exception cref="RunFailedException">The broken fail rules, each with its count, share and location.</exception>
    public void EnsureNoFailedRules(TablePlan plan)
    {
        if (FailedRules(plan) is { Count: > 0 } broken)
        {
            throw new RunFailedException("Run failed on rules with severity fail: " + string.Join("; ", broken));
        }
    }
}
