using Medallion.Jobs.Config;
using Medallion.Jobs.Plan;

namespace Medallion.Jobs.Sql;

/// <summary>
/// Renders a table's silver transforms and rules as one SELECT of chained CTEs. Rows are never
/// dropped along the way: a filter or a deduplication only sets a flag, so that every input row
/// reaches the end and the counts reconcile exactly (read = silver + quarantined + duplicates + filtered).
/// </summary>
/// <remarks>
/// The order of decisions: the transforms (filters flag their rows), then the rules on one row each,
/// then each <c>deduplicate</c> among the rows that pass those rules (so a quarantined latest row
/// never takes the valid older row of its key with it), then the rules that compare rows
/// (<c>unique</c>) among the rows still kept.
/// </remarks>
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

    /// <summary>Live, and breaking no quarantine or fail rule on one row: the rows deduplication chooses among.</summary>
    private const string Valid = "__valid";

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
        var deduplications = new List<Deduplication>();
        var columns = plan.BronzeColumns;
        for (var index = 0; index < plan.Table.Transforms.Count; index++)
        {
            var transform = plan.Table.Transforms[index];
            var after = plan.Flow.AfterTransform[index];
            var step = RenderTransform(transform, index, columns, after, LiveSoFar(filterFlags));
            var added = step.NewFlags.Select(f => (f.Column, f.Sql)).Concat(step.Deduplications.SelectMany(d => d.Carried)).ToList();
            steps.Add(($"s{index + 1}", Select(step.Columns.Concat(carried.Select(Q)).Concat(added.Select(a => $"{a.Sql} AS {Q(a.Column)}")), $"s{index}")));
            carried.AddRange(added.Select(a => a.Column));
            filterFlags.AddRange(step.NewFlags.Where(f => f.Kind == RowFlag.Filtered).Select(f => f.Column));
            deduplications.AddRange(step.Deduplications);
            columns = after;
        }

        var last = $"s{plan.Table.Transforms.Count}";
        var dataColumns = columns.Select(c => Q(c.Name)).ToList();
        var silverSelect = dataColumns
            .Concat(new[] { LineageColumns.RunKey, LineageColumns.SourceFile, LineageColumns.IngestedAt }.Select(Q))
            .ToList();
        var transformed = With(steps) + "\n" + Select(silverSelect.Append(Q(LineageColumns.RecordNumber)), last);
        steps.Add(("live", Select(dataColumns.Concat(carried.Select(Q)).Append($"{LiveSoFar(filterFlags)} AS {Live}"), last)));
        carried.Add(Live);

        var rowRules = plan.Rules.Where(r => r.Spec?.RepeatedKeys is null).ToList();
        var keyedRules = plan.Rules.Where(r => r.Spec?.RepeatedKeys is not null).ToList();
        var rowFlags = rowRules.Select(r => $"({Q(Live)} AND {RenderBroken(r, columns)}) AS {Q(r.FlagColumn)}");
        steps.Add(("checked", Select(dataColumns.Concat(carried.Select(Q)).Concat(rowFlags), "live")));
        carried.AddRange(rowRules.Select(r => r.FlagColumn));

        var duplicateFlags = new List<string>();
        var from = "checked";
        if (deduplications.Count > 0 || keyedRules.Count > 0)
        {
            var blocking = rowRules.Where(r => r.IsBlocking).Select(r => $" AND NOT {Q(r.FlagColumn)}");
            steps.Add(("valid", Select(dataColumns.Concat(carried.Select(Q)).Append($"({Q(Live)}{string.Concat(blocking)}) AS {Q(Valid)}"), from)));
            carried.Add(Valid);
            from = "valid";
            foreach (var deduplication in deduplications)
            {
                var name = $"deduplicated{deduplication.Step}";
                steps.Add((name, Select(dataColumns.Concat(carried.Select(Q)).Append($"{Duplicate(deduplication, Kept(duplicateFlags))} AS {Q(deduplication.FlagColumn)}"), from)));
                carried.Add(deduplication.FlagColumn);
                duplicateFlags.Add(deduplication.FlagColumn);
                from = name;
            }
        }

        var kept = Kept(duplicateFlags);
        var keyTables = uniqueKeysAsTables
            ? keyedRules.Select(r => new SilverQuery.KeysTable(KeysAlias(r, "keys"), With(steps) + "\n" + RepeatedKeysSelect(r, from, kept))).ToList()
            : [];
        if (keyedRules.Count > 0)
        {
            var repeatedKeys = keyedRules.Select(r => RepeatedKeysJoin(r, from, uniqueKeysAsTables ? Q(KeysAlias(r, "keys")) : $"({RepeatedKeysSelect(r, from, kept)})"));
            var keyedFlags = keyedRules.Select(r => $"({kept} AND {RenderBroken(r, columns)}) AS {Q(r.FlagColumn)}");
            steps.Add(("keyed", Select(dataColumns.Concat(carried.Select(Q)).Concat(keyedFlags), from + string.Concat(repeatedKeys))));
            carried.AddRange(keyedRules.Select(r => r.FlagColumn));
            from = "keyed";
        }

        var routed = dataColumns.Concat(carried.Select(Q))
            .Append($"{RuleFailures(plan)} AS {Q(LineageColumns.RuleFailures)}")
            .Append($"{Warnings(plan)} AS {Q(LineageColumns.Warnings)}")
            .Append($"{Disposition(filterFlags, rowRules, duplicateFlags, keyedRules)} AS {Q(SilverQuery.DispositionColumn)}");
        var sql = With(steps) + "\n" + Select(routed, from);

        var quarantineSelect = plan.BronzeColumns
            .Select(c => $"{Q(TablePlan.OriginalColumn(c.Name))} AS {Q(c.Name)}")
            .Concat(new[]
            {
                LineageColumns.RuleFailures, LineageColumns.Malformed, LineageColumns.Raw,
                LineageColumns.SourceFile, LineageColumns.RecordNumber, LineageColumns.IngestedAt, LineageColumns.RunKey,
            }.Select(Q))
            .ToList();
        return new SilverQuery(sql, transformed, silverSelect, quarantineSelect, keyTables) { HasWarnRules = plan.Rules.Any(r => r.Severity == RuleSeverity.Warn) };
    }

    private string Q(string name) => dialect.Identifier(name);

    private static string With(IEnumerable<(string Name, string Sql)> steps) =>
        "WITH " + string.Join(",\n", steps.Select(s => $"{s.Name} AS (\n  {s.Sql}\n)"));

    private static string Select(IEnumerable<string> items, string from) =>
        "SELECT " + string.Join(",\n    ", items) + "\n  FROM " + from;

    /// <summary>True for rows that are neither malformed nor filtered so far.</summary>
    private string LiveSoFar(IReadOnlyList<string> filterFlags) =>
        "(" + string.Join(" AND ", new[] { $"{Q(LineageColumns.Malformed)} IS NULL" }
            .Concat(filterFlags.Select(f => $"NOT {Q(f)}"))) + ")";

    /// <summary>True for valid rows that no deduplication so far removed (the column <see cref="Valid"/> exists once there are any).</summary>
    private string Kept(IReadOnlyList<string> duplicateFlags) =>
        "(" + string.Join(" AND ", new[] { Q(Valid) }.Concat(duplicateFlags.Select(f => $"NOT {Q(f)}"))) + ")";

    /// <summary>
    /// True for a kept row whose key another kept row has with a later (or, keeping the first, an
    /// earlier) order value; ties go by input order. Rows with a null key are not duplicates of each
    /// other: a not_null rule reports them.
    /// </summary>
    private string Duplicate(Deduplication deduplication, string kept)
    {
        var key = string.Join(", ", deduplication.Key.Select(k => Q(k.Column)));
        var direction = deduplication.KeepLatest ? "DESC" : "ASC";
        var window = $"row_number() OVER (PARTITION BY {kept}, {key} ORDER BY {Q(deduplication.OrderBy.Column)} {direction} NULLS LAST, {Q(LineageColumns.RecordNumber)} {direction})";
        var keyPresent = string.Join(" AND ", deduplication.Key.Select(k => $"{Q(k.Column)} IS NOT NULL"));
        return $"({kept} AND {keyPresent} AND {window} > 1)";
    }

    private string RuleFailures(TablePlan plan)
    {
        var broken = dialect.CompactStringArray(plan.Rules
            .Select(r => $"CASE WHEN {Q(r.FlagColumn)} THEN {dialect.StringLiteral(r.Name)} END").ToList());
        return $"CASE WHEN {Q(LineageColumns.Malformed)} IS NOT NULL THEN {dialect.StringArray([LineageColumns.MalformedRule])} ELSE {broken} END";
    }

    /// <summary>The names of the warn rules the row broke; an empty array when none.</summary>
    private string Warnings(TablePlan plan) => dialect.CompactStringArray(plan.Rules
        .Where(r => r.Severity == RuleSeverity.Warn)
        .Select(r => $"CASE WHEN {Q(r.FlagColumn)} THEN {dialect.StringLiteral(r.Name)} END").ToList());

    /// <summary>In the order the decisions are made: malformed, filtered, rules on one row, duplicates, rules comparing rows.</summary>
    private string Disposition(IReadOnlyList<string> filterFlags, IReadOnlyList<PlannedRule> rowRules, IReadOnlyList<string> duplicateFlags, IReadOnlyList<PlannedRule> keyedRules)
    {
        var cases = new List<string> { $"WHEN {Q(LineageColumns.Malformed)} IS NOT NULL THEN '{SilverQuery.Dispositions.Quarantine}'" };
        cases.AddRange(filterFlags.Select(f => $"WHEN {Q(f)} THEN '{SilverQuery.Dispositions.Filtered}'"));
        cases.AddRange(rowRules.Where(r => r.IsBlocking).Select(r => $"WHEN {Q(r.FlagColumn)} THEN '{SilverQuery.Dispositions.Quarantine}'"));
        cases.AddRange(duplicateFlags.Select(f => $"WHEN {Q(f)} THEN '{SilverQuery.Dispositions.Duplicate}'"));
        cases.AddRange(keyedRules.Where(r => r.IsBlocking).Select(r => $"WHEN {Q(r.FlagColumn)} THEN '{SilverQuery.Dispositions.Quarantine}'"));
        return "CASE " + string.Join(" ", cases) + $" ELSE '{SilverQuery.Dispositions.Silver}' END";
    }
}
