using Medallion.Jobs.Config;
using Medallion.Jobs.Plan;

namespace Medallion.Jobs.Sql;

/// <summary>One SQL condition per rule kind: true where a live row breaks the rule.</summary>
internal sealed partial class SilverSqlRenderer
{
    private string RenderBroken(PlannedRule rule, IReadOnlyList<TypedColumn> columns)
    {
        if (rule.CastFlagColumn is { } castFlag)
        {
            return Q(castFlag);
        }

        return rule.Spec switch
        {
            NotNullRule r => $"{Q(r.Column)} IS NULL",
            UniqueRule r => Unique(rule, r),
            AcceptedValuesRule r => Fails($"{dialect.ToText(Q(r.Column))} IN ({string.Join(", ", r.Values.Select(dialect.StringLiteral))})", r.Column),
            RangeRule r => Fails(Range(r, TypeOf(r.Column)), r.Column),
            RegexRule r => Fails(dialect.RegexMatches(dialect.ToText(Q(r.Column)), r.Pattern), r.Column),
            MaxLengthRule r => Fails($"{dialect.Length(dialect.ToText(Q(r.Column)))} <= {r.Length}", r.Column),
            ExpressionRule r => $"NOT coalesce(({r.Sql}), TRUE)",
            _ => throw new NotSupportedException($"Rule kind '{rule.Kind}' has no SQL rendering."),
        };

        ColumnType TypeOf(string name) => columns.First(c => c.Name == name).Type;
    }

    /// <summary>A null value passes every rule but not_null.</summary>
    private string Fails(string passes, string column) => $"({Q(column)} IS NOT NULL AND NOT ({passes}))";

    private string Range(RangeRule rule, ColumnType type)
    {
        var bounds = new List<string>();
        if (rule.Min is { } min)
        {
            bounds.Add($"{Q(rule.Column)} >= {dialect.TryCast(dialect.StringLiteral(min), type)}");
        }

        if (rule.Max is { } max)
        {
            bounds.Add($"{Q(rule.Column)} <= {dialect.TryCast(dialect.StringLiteral(max), type)}");
        }

        return bounds.Count == 0 ? "TRUE" : string.Join(" AND ", bounds);
    }

    /// <summary>The first live row of a key, in input order, passes; later ones break the rule.</summary>
    /// <remarks>
    /// The first row number of each repeated key comes from <see cref="UniqueKeysJoin"/>: a narrow
    /// GROUP BY joined back, instead of a window over the whole row, which sorted every column of
    /// every row and was most of silver's time (see docs/BENCHMARKS.md).
    /// </remarks>
    private string Unique(PlannedRule planned, UniqueRule rule)
    {
        var notNull = string.Join(" AND ", rule.Columns.Select(c => $"{Q(c)} IS NOT NULL"));
        return $"({notNull} AND coalesce({Q(LineageColumns.RecordNumber)} > {Q(UniqueAlias(planned, "first"))}, FALSE))";
    }

    /// <summary>
    /// The keys that occur more than once among the live rows of <paramref name="relation"/>, with
    /// their first row number; columns are renamed so that the row's own columns stay unambiguous.
    /// </summary>
    /// <remarks>
    /// Rows that are not live never break a rule (every flag is ANDed with <c>__live</c>), so only
    /// live rows are grouped. Null keys are not filtered out: their group can never match in
    /// <see cref="UniqueKeysJoin"/> (<c>=</c> is never true for null), and on DuckDB the filter cost
    /// more than a third of this query (1.7 s instead of 2.8 s over 10 M rows, docs/BENCHMARKS.md).
    /// </remarks>
    private string UniqueKeysSelect(PlannedRule planned, string relation)
    {
        var rule = (UniqueRule)planned.Spec!;
        var select = string.Join(", ", rule.Columns.Select((c, i) => $"{Q(c)} AS {Q(UniqueAlias(planned, $"k{i}"))}"));
        return $"SELECT {select}, min({Q(LineageColumns.RecordNumber)}) AS {Q(UniqueAlias(planned, "first"))}\n" +
            $"    FROM {relation} WHERE {Q(Live)} GROUP BY {string.Join(", ", rule.Columns.Select(Q))} HAVING count(*) > 1";
    }

    /// <summary><c>LEFT JOIN</c> of <paramref name="keys"/> (a <see cref="UniqueKeysSelect"/> in parentheses, or a table holding its rows) to <paramref name="relation"/>.</summary>
    private string UniqueKeysJoin(PlannedRule planned, string relation, string keys)
    {
        var rule = (UniqueRule)planned.Spec!;
        var on = string.Join(" AND ", rule.Columns.Select((c, i) => $"{Q(UniqueAlias(planned, $"k{i}"))} = {relation}.{Q(c)}"));
        return $"\n  LEFT JOIN {keys} AS {Q(UniqueAlias(planned, "keys"))}\n    ON {on}";
    }

    private static string UniqueAlias(PlannedRule rule, string part) => $"{rule.FlagColumn}_{part}";
}
