using Medallion.Jobs.Config;
using Medallion.Jobs.Plan;
using Medallion.Jobs.Sql;

namespace Medallion.Jobs.Engine.Spark;

/// <summary>
/// The Spark SQL of a table's silver layer: the run's bronze rows from the bronze Delta table,
/// the same routed query the embedded engine runs (rendered in <see cref="SparkDialect"/>),
/// cached once, then counted and written to silver and quarantine.
/// </summary>
public sealed class SparkSilverSql
{
    public const string InputView = "bronze_input";
    public const string RoutedView = "routed";

    private static readonly SparkDialect Sql = SparkDialect.Instance;
    private readonly TablePlan _plan;

    public SparkSilverSql(TablePlan plan)
    {
        _plan = plan;
        Query = new SilverSqlRenderer(Sql).Render(plan, InputView);
    }

    public SilverQuery Query { get; }

    /// <param name="bronzeTable">The bronze Delta table's full path or URI.</param>
    public static string CreateInputView(string bronzeTable, string runKey) =>
        $"CREATE OR REPLACE TEMPORARY VIEW {InputView} AS SELECT * FROM delta.{Sql.Identifier(bronzeTable)} " +
        $"WHERE {LineageColumns.RunKey} = {Sql.StringLiteral(runKey)}";

    public string CreateRoutedView() => $"CREATE OR REPLACE TEMPORARY VIEW {RoutedView} AS\n{Query.Sql}";

    /// <summary>Materializes the routed rows once, so counting and both writes see the same rows.</summary>
    public static string CacheRouted() => $"CACHE TABLE {RoutedView}";

    public static string UncacheRouted() => $"UNCACHE TABLE IF EXISTS {RoutedView}";

    public string SilverRows() =>
        $"SELECT {string.Join(", ", Query.SilverSelect.Append(Sql.Identifier(LineageColumns.Warnings)))} FROM {RoutedView} WHERE {Disposition(SilverQuery.Dispositions.Silver)}";

    public string QuarantineRows() =>
        $"SELECT {string.Join(", ", Query.QuarantineSelect)} FROM {RoutedView} WHERE {Disposition(SilverQuery.Dispositions.Quarantine)}";

    /// <summary>
    /// One row: <c>rows_read, silver, quarantined, duplicates, filtered, malformed</c>, then one
    /// count per planned rule in plan order (what <see cref="SilverCounts.From"/> reads).
    /// </summary>
    public string Counts()
    {
        var items = new List<string>
        {
            "count(*) AS rows_read",
            $"count_if({Disposition(SilverQuery.Dispositions.Silver)}) AS silver",
            $"count_if({Disposition(SilverQuery.Dispositions.Quarantine)}) AS quarantined",
            $"count_if({Disposition(SilverQuery.Dispositions.Duplicate)}) AS duplicates",
            $"count_if({Disposition(SilverQuery.Dispositions.Filtered)}) AS filtered",
            $"count({LineageColumns.Malformed}) AS malformed",
        };
        items.AddRange(_plan.Rules.Select(r => $"count_if({Sql.Identifier(r.FlagColumn)}) AS {Sql.Identifier(r.FlagColumn)}"));
        return $"SELECT {string.Join(", ", items)} FROM {RoutedView}";
    }

    /// <summary>
    /// Delta Lake's <c>mergeSchema</c> write option for the run's bronze and quarantine tables: columns
    /// added to the configuration join the existing table only with <c>schema_evolution: add_columns</c>.
    /// </summary>
    public static string MergeSchema(TableSpec table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.SchemaEvolution == SchemaEvolutionMode.AddColumns ? "true" : "false";
    }

    /// <summary>The predicate that makes an overwrite of a run-key partition replace only that key's rows.</summary>
    public static string RunKeyPredicate(string runKey) => $"{LineageColumns.RunKey} = {Sql.StringLiteral(runKey)}";

    private static string Disposition(string value) => $"{SilverQuery.DispositionColumn} = '{value}'";
}
