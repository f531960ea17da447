using Medallion.Jobs.Sql;
using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config.Rules;

/// <summary><c>range: { column: amount, min: 0, max: 1000000 }</c> — inclusive bounds, either optional; nulls pass.</summary>
public sealed record RangeRule(string Column, string? Min, string? Max, string Name, RuleSeverity Severity, double? Threshold, SourceLocation Location)
    : RuleSpec(Name, Severity, Threshold, Location), IRuleKind
{
    public static string KindName => "range";

    public override string Kind => KindName;

    internal override IReadOnlyList<string> ColumnsRead => [Column];

    static RuleSpec? IRuleKind.Parse(ConfigReader reader, YamlMappingNode body, RuleHeader header)
    {
        const string What = "`range`";
        var values = reader.Keys(body, What, "column", "min", "max");
        var column = reader.RequiredString(body, values, "column", What);
        var min = ConfigReader.Optional(values, "min") is { } minNode ? reader.String(minNode, "`min`") : null;
        var max = ConfigReader.Optional(values, "max") is { } maxNode ? reader.String(maxNode, "`max`") : null;
        if (min is null && max is null)
        {
            // A range with no bound passes every row, which is never what was meant.
            reader.Error(body, "`range` needs `min`, `max` or both");
            return null;
        }

        return column is null ? null : new RangeRule(column, min, max, header.NameFor(KindName, [column]), header.Severity, header.Threshold, header.Location);
    }

    // The bounds are cast to the column's type, so that they compare as numbers, dates or text like the column.
    internal override string Broken(RuleSql sql)
    {
        var type = sql.TypeOf(Column);
        var bounds = new List<string>();
        if (Min is { } min)
        {
            bounds.Add($"{sql.Column(Column)} >= {sql.Dialect.TryCast(sql.Dialect.StringLiteral(min), type)}");
        }

        if (Max is { } max)
        {
            bounds.Add($"{sql.Column(Column)} <= {sql.Dialect.TryCast(sql.Dialect.StringLiteral(max), type)}");
        }

        return sql.Fails(bounds.Count == 0 ? "TRUE" : string.Join(" AND ", bounds), Column);
    }
}
