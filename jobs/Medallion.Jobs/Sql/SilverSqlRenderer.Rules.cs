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
            UniqueRule r => Unique(r),
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
    private string Unique(UniqueRule rule)
    {
        var keys = rule.Columns.Select(Q).ToList();
        var notNull = string.Join(" AND ", keys.Select(k => $"{k} IS NOT NULL"));
        return $"({notNull} AND row_number() OVER (PARTITION BY {Q(Live)}, {string.Join(", ", keys)} ORDER BY {Q(LineageColumns.RecordNumber)}) > 1)";
    }
}
