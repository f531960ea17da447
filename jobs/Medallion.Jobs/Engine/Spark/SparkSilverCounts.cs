using Medallion.Jobs.Config;
using Medallion.Jobs.Plan;

namespace Medallion.Jobs.Engine.Spark;

/// <summary>The silver counts of one run, read from the one row of <see cref="SparkSilverSql.Counts"/>.</summary>
internal sealed record SparkSilverCounts(
    long Read, long Silver, long Quarantined, long Duplicates, long Filtered, long Malformed, IReadOnlyDictionary<string, long> RuleFailures)
{
    private const int FixedColumns = 6;

    /// <param name="values">The row's values in column order.</param>
    /// <exception cref="ArgumentException">The row does not have one count per planned rule.</exception>
    public static SparkSilverCounts From(TablePlan plan, IReadOnlyList<long> values)
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

        return new SparkSilverCounts(values[0], values[1], values[2], values[3], values[4], values[5], failures);
    }

    /// <summary>
    /// The fail rules that stop the run, with the same arithmetic as the embedded engine: a
    /// broken row fails the run unless the rule has a threshold the broken share stays within.
    /// </summary>
    public IReadOnlyList<string> FailedRules(TablePlan plan)
    {
        var checkedRows = Read - Malformed - Filtered - Duplicates;
        return plan.Rules
            .Where(r => r.Severity == RuleSeverity.Fail)
            .Select(r => (Rule: r, Count: RuleFailures[r.Name], Share: checkedRows == 0 ? 0 : (double)RuleFailures[r.Name] / checkedRows))
            .Where(x => x.Count > 0 && (x.Rule.Threshold is not { } limit || x.Share > limit))
            .Select(x => $"`{x.Rule.Name}` broken by {x.Count} of {checkedRows} rows ({x.Share:P2}" +
                (x.Rule.Threshold is { } t ? $", threshold {t:P2})" : ", no threshold)") + $" at {x.Rule.Spec?.Location}")
            .ToList();
    }
}
