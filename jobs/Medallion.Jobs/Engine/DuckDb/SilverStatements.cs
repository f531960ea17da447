using Medallion.Jobs.Plan;
using Medallion.Jobs.Sql;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>
/// The statements of the embedded engine's silver step (run by <see cref="SilverStep"/>, printed by
/// <c>medallion plan</c>). The routed query (transforms, then every rule) runs once, materializing
/// only the rows that are not plain silver (quarantined, duplicates, filtered, or with a broken warn
/// rule, usually a small share); counts and quarantine come from that table. Silver is then the
/// transformed rows minus those whose disposition is not silver (an anti-join on
/// <c>_record_number</c> against that small table), streamed into the <c>COPY</c>: the second pass
/// repeats the transforms but not the rules or the <c>unique</c> aggregate. Materializing every
/// routed row instead cost more than repeating the transforms (see docs/BENCHMARKS.md). The step
/// checks that the silver rows written equal the rows counted.
/// </summary>
internal static class SilverStatements
{
    public const string InputView = "bronze_input";
    public const string RoutedView = "routed";
    public const string ExceptionsTable = "routed_exceptions";
    private static readonly DuckDbDialect Sql = DuckDbDialect.Instance;

    /// <summary>The silver query as the embedded engine runs it: each unique rule's repeated keys are a table of their own.</summary>
    public static SilverQuery Render(TablePlan plan) => new SilverSqlRenderer(Sql, uniqueKeysAsTables: true).Render(plan, InputView);

    /// <summary>The tables of repeated keys first (the routed view joins them by name), then the routed view.</summary>
    public static IEnumerable<string> CreateRoutedView(SilverQuery query) =>
        query.KeyTables.Select(t => $"CREATE OR REPLACE TEMP TABLE {Sql.Identifier(t.Name)} AS\n{t.Select}")
            .Append($"CREATE OR REPLACE TEMP VIEW {RoutedView} AS\n{query.Sql}");

    public static string CreateExceptions(TablePlan plan)
    {
        var brokenRule = plan.Rules.Select(r => $" OR {Sql.Identifier(r.FlagColumn)}");
        return $"CREATE OR REPLACE TEMP TABLE {ExceptionsTable} AS SELECT * FROM {RoutedView}\n" +
            $"WHERE {Disposition("<>", SilverQuery.Dispositions.Silver)}{string.Concat(brokenRule)}";
    }

    /// <summary>One row in the layout of <see cref="SilverCounts.From"/>: read, silver, quarantined, duplicates, filtered, malformed, then one count per planned rule.</summary>
    public static string Counts(TablePlan plan)
    {
        var byDisposition = new[] { SilverQuery.Dispositions.Quarantine, SilverQuery.Dispositions.Duplicate, SilverQuery.Dispositions.Filtered }
            .Select((d, i) => $"count(*) FILTER (WHERE {Disposition("=", d)}) AS __n{i}");
        var rules = plan.Rules.Select((r, i) => $"count(*) FILTER (WHERE {Sql.Identifier(r.FlagColumn)}) AS __rule{i}");
        var inner = $"SELECT (SELECT count(*) FROM {InputView}) AS __read, " +
            string.Join(", ", byDisposition.Append($"count({LineageColumns.Malformed}) AS __malformed").Concat(rules)) + $" FROM {ExceptionsTable}";
        var ruleColumns = string.Concat(plan.Rules.Select((_, i) => $", __rule{i}"));
        return $"SELECT __read, __read - __n0 - __n1 - __n2, __n0, __n1, __n2, __malformed{ruleColumns} FROM ({inner})";
    }

    /// <remarks>
    /// An <c>ANTI JOIN</c>, not <c>NOT EXISTS</c>: DuckDB plans the correlated form as a delim join
    /// that groups all 10 M record numbers first (silver COPY 5.3 s against 4.1 s at 10 M rows).
    /// A silver row's <c>_warnings</c> come from the exceptions table too, which holds every row that
    /// broke a rule: only when the table has warn rules is it joined a second time.
    /// </remarks>
    public static string SilverRows(SilverQuery query)
    {
        var recordNumber = Sql.Identifier(LineageColumns.RecordNumber);
        var warnings = Sql.Identifier(LineageColumns.Warnings);
        var none = Sql.StringArray([]);
        var select = string.Join(", ", query.SilverSelect.Append(query.HasWarnRules ? $"coalesce(w.{warnings}, {none}) AS {warnings}" : $"{none} AS {warnings}"));
        var warned = query.HasWarnRules
            ? $"\nLEFT JOIN (SELECT {recordNumber}, {warnings} FROM {ExceptionsTable} WHERE {Disposition("=", SilverQuery.Dispositions.Silver)}) AS w " +
              $"ON w.{recordNumber} = transformed.{recordNumber}"
            : string.Empty;
        return $"SELECT {select} FROM (\n{query.TransformedSql}\n) AS transformed\n" +
            $"ANTI JOIN (SELECT {recordNumber} FROM {ExceptionsTable} WHERE {Disposition("<>", SilverQuery.Dispositions.Silver)}) AS x " +
            $"ON x.{recordNumber} = transformed.{recordNumber}{warned}";
    }

    public static string QuarantineRows(SilverQuery query) =>
        $"SELECT {string.Join(", ", query.QuarantineSelect)} FROM {ExceptionsTable} WHERE {Disposition("=", SilverQuery.Dispositions.Quarantine)}";

    private static string Disposition(string comparison, string value) => $"{SilverQuery.DispositionColumn} {comparison} '{value}'";
}
