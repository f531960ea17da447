using Medallion.Jobs.Config;
using Medallion.Jobs.Plan;

namespace Medallion.Cli.Commands;

/// <summary>
/// Splits a silver layer's rule counts by what happened to the rows: <c>warn</c> rules leave them in
/// silver, every other rule (and <c>malformed</c>, which is not a configured rule) sends them to quarantine.
/// </summary>
internal sealed class RunRules(IReadOnlyDictionary<string, IReadOnlySet<string>> warnRulesByTable)
{
    public static RunRules Of(DatasetSpec dataset) => new(dataset.Tables.ToDictionary(
        table => table.Name,
        table => (IReadOnlySet<string>)PlanCompiler.Compile(dataset, table).Rules.Where(r => !r.IsBlocking).Select(r => r.Name).ToHashSet(StringComparer.Ordinal),
        StringComparer.Ordinal));

    /// <summary>The rules of <paramref name="table"/> that rows broke, split into quarantining and warning rules, in the layer's order.</summary>
    public (IReadOnlyList<KeyValuePair<string, long>> Quarantine, IReadOnlyList<KeyValuePair<string, long>> Warn) Split(
        string table, IReadOnlyDictionary<string, long> failures)
    {
        var warn = warnRulesByTable.GetValueOrDefault(table) ?? new HashSet<string>();
        var broken = failures.Where(r => r.Value > 0).ToList();
        return ([.. broken.Where(r => !warn.Contains(r.Key))], [.. broken.Where(r => warn.Contains(r.Key))]);
    }

    /// <summary>Rule hits of the warn rules (a row that broke two counts twice).</summary>
    public long Warnings(string table, IReadOnlyDictionary<string, long> failures) => Split(table, failures).Warn.Sum(r => r.Value);
}
