using Medallion.Jobs.Config;

namespace Medallion.Jobs.Plan;

/// <summary>
/// The engine-neutral plan of one table: bronze columns, the silver transform steps with the
/// columns after each, the rules, and the output schemas. Dialects render it to SQL.
/// </summary>
public sealed record TablePlan(
    DatasetSpec Dataset,
    TableSpec Table,
    ColumnFlowResult Flow,
    IReadOnlyList<PlannedRule> Rules)
{
    public IReadOnlyList<TypedColumn> BronzeColumns => Flow.Bronze;

    /// <summary>The silver data columns in order (lineage columns follow them in the table).</summary>
    public IReadOnlyList<TypedColumn> SilverColumns => Flow.Silver;

    /// <summary>The internal column that carries a bronze column's original value to quarantine.</summary>
    public static string OriginalColumn(string bronzeColumn) => "__o_" + bronzeColumn;
}
