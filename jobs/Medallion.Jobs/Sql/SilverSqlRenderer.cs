using Medallion.Jobs.Config;
using Medallion.Jobs.Plan;

namespace Medallion.Jobs.Sql;

/// <summary>
/// Renders a table's silver transforms and rules as one SELECT of chained CTEs. Rows are never
/// dropped along the way: a filter or a deduplication only sets a flag, so that every input row
/// reaches the end and the counts reconcile exactly (read = silver + quarantined + duplicates + filtered).
/// </summary>
/// <param name="dialect">The SQL dialect to render.</param>
/// <param name="uniqueKeysAsTables">
/// Render the repeated keys of each rule that has them (<c>unique</c>, see <see cref="Config.Rules.RuleSpec.RepeatedKeys"/>) as a separate query (<see cref="SilverQuery.KeyTables"/>)
/// for the engine to materialize before the routed query, which then joins the table by name. Inline,
/// the routed query refers to the <c>live</c> step twice, and DuckDB then materializes that step with
/// every column (gigabytes at 10 M rows); as its own query, only the key columns are read.
/// </param>
internal sealed partial class SilverSqlRenderer(ISqlDialect dialect, bool uniqueKeysAsTables = false)
{
    private const string Live = "__live";

    /// <param name="inputRelation">A relation holding the run's bronze rows (data and lineage columns).</param>
    public SilverQuery Render(TablePlan plan, string inputRelation)
    {
        var steps = new List<(string Name, string Sql)>();
        var carried = new List<string>
        {
            LineageColumns.RunKey, LineageColumns.SourceFile, LineageColumns.IngestedAt,
            LineageColumns.RecordNumber, LineageColumns.Malformed, LineageColumns.Raw,
        };

        // Step 0 keeps a copy of each bronze value: quarantine stores what arrived, not what
        // the transforms made of it.
        var firstSelect = plan.BronzeColumns.Select(c => Q(c.Name))
            .Concat(carried.Select(Q))
            .Concat(plan.BronzeColumns.Select(c => $"{Q(c.Name)} AS {Q(TablePlan.OriginalColumn(c.Name))}"));
        steps.Add(("s0", Select(firstSelect, Q(inputRelation))));
        carried.AddRange(plan.BronzeColumns.Select(c => TablePlan.OriginalColumn(c.Name)));

        var filterFlags = new List<string>();
        var duplicateFlags = new List<string>();
        var columns = plan.BronzeColumns;
        for (var index = 0; index < plan.Table.Transforms.Count; index++)
        {
            var transform = plan.Table.Transforms[index];
            var after = plan.Flow.AfterTransform[index];
            var step = RenderTransform(transform, index, columns, after, LiveSoFar(filterFlags, duplicateFlags));
            steps.Add(($"s{index + 1}", Select(step.Columns.Concat(carried.Select(Q)).Concat(step.NewFlags.Select(f => $"{f.Sql} AS {Q(f.Column)}")), $"s{index}")));
            carried.AddRange(step.NewFlags.Select(f => f.Column));
            filterFlags.AddRange(step.NewFlags.Where(f => f.Kind == RowFlag.Filtered).Select(f => f.Column));
            duplicateFlags.AddRange(step.NewFlags.Where(f => f.Kind == RowFlag.Duplicate).Select(f => f.Column));
            columns = after;
        }

        var last = $"s{plan.Table.Transforms.Count}";
        var dataColumns = columns.Select(c => Q(c.Name)).ToList();
        var silverSelect = dataColumns
            .Concat(new[] { LineageColumns.RunKey, LineageColumns.SourceFile, LineageColumns.IngestedAt }.Select(Q))
            .ToList();
        var transformed = With(steps) + "\n" + Select(silverSelect.Append(Q(LineageColumns.RecordNumber)), last);
        steps.Add(("live", Select(dataColumns.Concat(carried.Select(Q)).Append($"{LiveSoFar(filterFlags, duplicateFlags)} AS {Live}"), last)));
        carried.Add(Live);

        var ruleFlags = plan.Rules.Select(r => $"({Q(Live)} AND {RenderBroken(r, columns)}) AS {Q(r.FlagColumn)}");
        var keyedRules = plan.Rules.Where(r => r.Spec?.RepeatedKeys is not null).ToList();
        var keyTables = uniqueKeysAsTables
            ? keyedRules.Select(r => new SilverQuery.KeysTable(KeysAlias(r, "keys"), With(steps) + "\n" + RepeatedKeysSelect(r, "live"))).ToList()
            : [];
        var repeatedKeys = keyedRules.Select(r => RepeatedKeysJoin(r, "live", uniqueKeysAsTables ? Q(KeysAlias(r, "keys")) : $"({RepeatedKeysSelect(r, "live")})"));
        steps.Add(("checked", Select(dataColumns.Concat(carried.Select(Q)).Concat(ruleFlags), "live" + string.Concat(repeatedKeys))));

        var routed = dataColumns.Concat(carried.Select(Q)).Concat(plan.Rules.Select(r => Q(r.FlagColumn)))
            .Append($"{RuleFailures(plan)} AS {Q(LineageColumns.RuleFailures)}")
            .Append($"{Disposition(plan, filterFlags, duplicateFlags)} AS {Q(SilverQuery.DispositionColumn)}");
        var sql = With(steps) + "\n" + Select(routed, "checked");

        var quarantineSelect = plan.BronzeColumns
            .Select(c => $"{Q(TablePlan.OriginalColumn(c.Name))} AS {Q(c.Name)}")
            .Concat(new[]
            {
                LineageColumns.RuleFailures, LineageColumns.Malformed, LineageColumns.Raw,
                LineageColumns.SourceFile, LineageColumns.RecordNumber, LineageColumns.IngestedAt, LineageColumns.RunKey,
            }.Select(Q))
            .ToList();
        return new SilverQuery(sql, transformed, silverSelect, quarantineSelect, keyTables);
    }

    private string Q(string name) => dialect.Identifier(name);

    private static string With(IEnumerable<(string Name, string Sql)> steps) =>
        "WITH " + string.Join(",\n", steps.Select(s => $"{s.Name} AS (\n  {s.Sql}\n)"));

    private static string Select(IEnumerable<string> items, string from) =>
        "SELECT " + string.Join(",\n    ", items) + "\n  FROM " + from;

    /// <summary>True for rows that are neither malformed nor filtered nor duplicates so far.</summary>
    private string LiveSoFar(IReadOnlyList<string> filterFlags, IReadOnlyList<string> duplicateFlags) =>
        "(" + string.Join(" AND ", new[] { $"{Q(LineageColumns.Malformed)} IS NULL" }
            .Concat(filterFlags.Concat(duplicateFlags).Select(f => $"NOT {Q(f)}"))) + ")";

    private string RuleFailures(TablePlan plan)
    {
        var broken = dialect.CompactStringArray(plan.Rules
            .Select(r => $"CASE WHEN {Q(r.FlagColumn)} THEN {dialect.StringLiteral(r.Name)} END").ToList());
        return $"CASE WHEN {Q(LineageColumns.Malformed)} IS NOT NULL THEN {dialect.StringArray([LineageColumns.MalformedRule])} ELSE {broken} END";
    }

    private string Disposition(TablePlan plan, IReadOnlyList<string> filterFlags, IReadOnlyList<string> duplicateFlags)
    {
        var cases = new List<string> { $"WHEN {Q(LineageColumns.Malformed)} IS NOT NULL THEN '{SilverQuery.Dispositions.Quarantine}'" };
        cases.AddRange(filterFlags.Select(f => $"WHEN {Q(f)} THEN '{SilverQuery.Dispositions.Filtered}'"));
        cases.AddRange(duplicateFlags.Select(f => $"WHEN {Q(f)} THEN '{SilverQuery.Dispositions.Duplicate}'"));
        cases.AddRange(plan.Rules.Where(r => r.IsBlocking).Select(r => $"WHEN {Q(r.FlagColumn)} THEN '{SilverQuery.Dispositions.Quarantine}'"));
        return "CASE " + string.Join(" ", cases) + $" ELSE '{SilverQuery.Dispositions.Silver}' END";
    }

}
