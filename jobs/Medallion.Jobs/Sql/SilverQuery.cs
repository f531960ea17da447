using Medallion.Jobs.Config;

namespace Medallion.Jobs.Sql;

/// <summary>
/// The silver query of one table: a SELECT over the run's bronze rows that returns every row
/// once with its fate in <see cref="DispositionColumn"/> and its broken rules in
/// <c>_rule_failures</c>.
/// </summary>
/// <param name="Sql">The SELECT statement.</param>
/// <param name="TransformedSql">
/// The transforms alone, without filters' and rules' outcomes: every input row's silver columns and
/// <c>_record_number</c>, which is unique within a run's bronze rows. Silver is exactly these rows
/// minus the routed rows whose disposition is not silver, so an engine that has set those apart can
/// write silver without evaluating the rules a second time.
/// </param>
/// <param name="SilverSelect">
/// The select list of a silver row as <paramref name="TransformedSql"/> has it (data columns, then
/// lineage); the silver table's last column, <c>_warnings</c>, is only in the routed rows
/// (<see cref="Sql"/>), where each engine takes it from.
/// </param>
/// <param name="QuarantineSelect">The select list of a quarantine row (original values, then failure columns).</param>
/// <param name="KeyTables">The tables <see cref="Sql"/> joins by name, to be created first (only when rendered with unique keys as tables).</param>
public sealed record SilverQuery(
    string Sql, string TransformedSql, IReadOnlyList<string> SilverSelect, IReadOnlyList<string> QuarantineSelect, IReadOnlyList<SilverQuery.KeysTable> KeyTables)
{
    /// <summary>A table of a rule's repeated keys (a <c>unique</c> rule's): its name and the SELECT that fills it.</summary>
    public sealed record KeysTable(string Name, string Select);

    public const string DispositionColumn = "__disposition";

    /// <summary>True when the table has <c>warn</c> rules, so a silver row's <c>_warnings</c> can be other than empty.</summary>
    internal bool HasWarnRules { get; init; }

    /// <summary>The values <see cref="DispositionColumn"/> takes.</summary>
    public static class Dispositions
    {
        public const string Silver = "silver";
        public const string Quarantine = "quarantine";
        public const string Filtered = "filtered";
        public const string Duplicate = "duplicate";
    }
}
