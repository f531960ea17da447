using Medallion.Jobs.Config;
using Medallion.Jobs.Plan;

namespace Medallion.Jobs.Sql;

/// <summary>One SQL condition per rule, written by the rule's kind: true where a live row breaks the rule.</summary>
internal sealed partial class SilverSqlRenderer
{
    private string RenderBroken(PlannedRule rule, IReadOnlyList<TypedColumn> columns) => (rule.Spec, rule.StepFlagColumn) switch
    {
        (null, null) when rule.PartitionColumn is { } column => PartitionValueTooLong(column, columns),
        (null, { } stepFlag) => Q(stepFlag),
        ({ } spec, null) => spec.Broken(new RuleSql(dialect, columns, rule.FlagColumn)),
        _ => throw new InvalidOperationException($"Planned rule '{rule.Name}' must have either a YAML rule or a step flag, not both or neither."),
    };

    /// <summary>True where the column's value would make a folder name (<c>column=value</c>) longer than <see cref="PlannedRule.PartitionFolderBytes"/>.</summary>
    /// <remarks>
    /// An int, long or boolean prints as at most 20 characters that a folder name keeps as they are
    /// (<c>-9223372036854775808</c>), so when that fits the rule cannot break and is rendered
    /// <c>FALSE</c>: the test is a regular expression over every row's text, and on DuckDB it took
    /// half of the repeated-keys query and of the exceptions pass for a table partitioned by the
    /// year and month of a date (docs/BENCHMARKS.md).
    /// </remarks>
    private string PartitionValueTooLong(string column, IReadOnlyList<TypedColumn> columns)
    {
        const int longestIntegerText = 20;
        var room = PlannedRule.PartitionFolderBytes - System.Text.Encoding.UTF8.GetByteCount(column) - 1;
        var type = columns.FirstOrDefault(c => string.Equals(c.Name, column, StringComparison.Ordinal))?.Type.Kind;
        if (type is ColumnKind.Int or ColumnKind.Long or ColumnKind.Boolean && room >= longestIntegerText)
        {
            return "FALSE";
        }

        var text = dialect.TryCast(Q(column), ColumnType.String);
        return $"({Q(column)} IS NOT NULL AND {dialect.PathSegmentBytes(text)} > {room})";
    }

    /// <summary>
    /// The keys that occur more than once among the kept rows of <paramref name="relation"/>, with
    /// their first row number (<see cref="RuleSql.FirstRowOfRepeatedKey"/>); columns are renamed so
    /// that the row's own columns stay unambiguous.
    /// </summary>
    /// <remarks>
    /// Only kept rows (<paramref name="kept"/>: passing every rule on one row, not a removed duplicate)
    /// are grouped, and only they can break the rule, so a key's quarantined or duplicate rows do not
    /// make its kept row break it. Null keys are not filtered out: their group can never match in
    /// <see cref="RepeatedKeysJoin"/> (<c>=</c> is never true for null), and on DuckDB the filter cost
    /// more than a third of this query (1.7 s instead of 2.8 s over 10 M rows, docs/BENCHMARKS.md).
    /// </remarks>
    private string RepeatedKeysSelect(PlannedRule planned, string relation, string kept)
    {
        var keys = planned.Spec!.RepeatedKeys!;
        var select = string.Join(", ", keys.Select((c, i) => $"{Q(c)} AS {Q(KeysAlias(planned, $"k{i}"))}"));
        return $"SELECT {select}, min({Q(LineageColumns.RecordNumber)}) AS {Q(KeysAlias(planned, "first"))}\n" +
            $"    FROM {relation} WHERE {kept} GROUP BY {string.Join(", ", keys.Select(Q))} HAVING count(*) > 1";
    }

    /// <summary><c>LEFT JOIN</c> of <paramref name="keys"/> (a <see cref="RepeatedKeysSelect"/> in parentheses, or a table holding its rows) to <paramref name="relation"/>.</summary>
    private string RepeatedKeysJoin(PlannedRule planned, string relation, string keys)
    {
        var on = string.Join(" AND ", planned.Spec!.RepeatedKeys!.Select((c, i) => $"{Q(KeysAlias(planned, $"k{i}"))} = {relation}.{Q(c)}"));
        return $"\n  LEFT JOIN {keys} AS {Q(KeysAlias(planned, "keys"))}\n    ON {on}";
    }

    private static string KeysAlias(PlannedRule rule, string part) => RuleSql.RepeatedKeyAlias(rule.FlagColumn, part);
}
