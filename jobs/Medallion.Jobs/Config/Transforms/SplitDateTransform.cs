using Medallion.Jobs.Sql;
using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config.Transforms;

/// <summary>
/// <c>split_date: { column: date, prefix: date, parts: [year, month, day] }</c> — adds int columns
/// <c>{prefix}_year</c>, <c>{prefix}_month</c>, <c>{prefix}_day</c> from a date or timestamp column
/// (UTC). Prefix defaults to the column name; parts default to all three.
/// </summary>
public sealed record SplitDateTransform(string Column, string Prefix, IReadOnlyList<DatePart> Parts, SourceLocation Location) : TransformSpec(Location), ITransformKind
{
    private static readonly Dictionary<string, DatePart> PartNames = new(StringComparer.Ordinal)
    {
        ["year"] = DatePart.Year,
        ["month"] = DatePart.Month,
        ["day"] = DatePart.Day,
    };

    public static string KindName => "split_date";

    public override string Kind => KindName;

    public string OutputColumn(DatePart part) => $"{Prefix}_{part.ToString().ToLowerInvariant()}";

    static TransformSpec? ITransformKind.Parse(ConfigReader reader, YamlNode value, SourceLocation at)
    {
        if (reader.Mapping(value, $"`{KindName}`") is not { } map)
        {
            return null;
        }

        var values = reader.Keys(map, $"`{KindName}`", "column", "prefix", "parts");
        var column = reader.RequiredString(map, values, "column", $"`{KindName}`");
        var prefix = ConfigReader.Optional(values, "prefix") is { } prefixNode ? reader.String(prefixNode, "`prefix`") : null;
        var parts = new List<DatePart> { DatePart.Year, DatePart.Month, DatePart.Day };
        if (ConfigReader.Optional(values, "parts") is { } partsNode && reader.StringList(partsNode, "`parts`") is { } written)
        {
            parts = [];
            foreach (var (_, partNode) in written)
            {
                if (reader.Choice(partNode, "each entry of `parts`", PartNames) is { } part)
                {
                    parts.Add(part);
                }
            }
        }

        return column is null ? null : new SplitDateTransform(column, prefix ?? column, parts.Distinct().ToList(), at);
    }

    internal override void Trace(ColumnStep step)
    {
        if (step.Exists(Column) && step.HasType(Column, "date or timestamp", ColumnKind.Date, ColumnKind.Timestamp))
        {
            foreach (var output in Parts.Select(OutputColumn).Where(step.IsFree))
            {
                step.Columns.Set(output, new TypedColumn(output, ColumnType.Int));
            }
        }
    }

    internal override void Render(TransformSql sql)
    {
        foreach (var part in Parts)
        {
            sql.Define(OutputColumn(part), sql.Dialect.DatePart(sql.Column(Column), part));
        }
    }
}
