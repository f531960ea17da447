using Medallion.Jobs.Config;

namespace Medallion.Jobs.Sql;

/// <summary>
/// The silver query of one table: a SELECT over the run's bronze rows that returns every row
/// once with its fate in <see cref="DispositionColumn"/> and its broken rules in
/// <c>_rule_failures</c>. The engine materializes it once and writes silver and quarantine from it.
/// </summary>
/// <param name="Sql">The SELECT statement.</param>
/// <param name="SilverSelect">The select list of a silver row (data columns, then lineage).</param>
/// <param name="QuarantineSelect">The select list of a quarantine row (original values, then failure columns).</param>
internal sealed record SilverQuery(string Sql, IReadOnlyList<string> SilverSelect, IReadOnlyList<string> QuarantineSelect)
{
    public const string DispositionColumn = "__disposition";

    /// <summary>The values <see cref="DispositionColumn"/> takes.</summary>
    public static class Dispositions
    {
        public const string Silver = "silver";
        public const string Quarantine = "quarantine";
        public const string Filtered = "filtered";
        public const string Duplicate = "duplicate";
    }
}
