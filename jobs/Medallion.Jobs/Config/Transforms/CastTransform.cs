using Medallion.Jobs.Config.Casting;
using Medallion.Jobs.Sql;
using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config.Transforms;

/// <summary>
/// <c>cast: { amount: decimal(18,2) }</c> — retypes columns. A non-null value that does not
/// cast becomes a failure of the implicit rule <c>cast_&lt;column&gt;</c> (severity quarantine),
/// never an engine error.
/// </summary>
public sealed record CastTransform(IReadOnlyList<ColumnCast> Casts, SourceLocation Location) : TransformSpec(Location), ITransformKind
{
    public static string KindName => "cast";

    public override string Kind => KindName;

    static TransformSpec? ITransformKind.Parse(ConfigReader reader, YamlNode value, SourceLocation at)
    {
        if (reader.Mapping(value, $"`{KindName}`") is not { } map)
        {
            return null;
        }

        var casts = new List<ColumnCast>();
        foreach (var (keyNode, typeNode) in map.Children)
        {
            if (ConfigReader.IsSplitDecimalTail(map, keyNode, typeNode))
            {
                // Already reported, with the fix, at the `decimal(p` half.
                continue;
            }

            if (reader.String(keyNode, $"a column in `{KindName}`") is { } column && ParseEntry(reader, column, typeNode) is { } cast)
            {
                casts.Add(cast);
            }
        }

        if (map.Children.Count == 0)
        {
            reader.Error(map, $"`{KindName}` must name at least one column");
        }

        return casts.Count == map.Children.Count && casts.Count > 0 ? new CastTransform(casts, at) : null;
    }

    /// <summary><c>column: type</c>, or <c>column: { type: …, format: …, round: … }</c> with cast options.</summary>
    private static ColumnCast? ParseEntry(ConfigReader reader, string column, YamlNode value)
    {
        var what = $"`{KindName}` of column `{column}`";
        if (value is not YamlMappingNode map)
        {
            return TableParser.ParseType(reader, value, what) is { } type ? new ColumnCast(column, type) : null;
        }

        var values = reader.Keys(map, what, ["type", .. CastOptions.Keys]);
        if (reader.Required(map, values, "type", what) is not { } typeNode || TableParser.ParseType(reader, typeNode, what) is not { } parsed)
        {
            return null;
        }

        var errors = reader.ErrorCount;
        var options = CastOptionsParser.Parse(reader, values, parsed, what);
        return reader.ErrorCount == errors ? new ColumnCast(column, parsed) { Options = options } : null;
    }

    internal override void Trace(ColumnStep step)
    {
        foreach (var cast in Casts.Where(c => step.Exists(c.Column)))
        {
            step.Columns.Set(cast.Column, new TypedColumn(cast.Column, cast.Type));
        }
    }

    internal override void Render(TransformSql sql)
    {
        foreach (var cast in Casts)
        {
            var value = sql.Column(cast.Column);
            // Text is read by the strict rules both engines share; other types convert as the engines do.
            var converted = sql.TypeBefore(cast.Column).Kind == ColumnKind.String
                ? TextCast.Render(sql.Dialect, value, cast.Type, cast.Options)
                : sql.Dialect.TryCast(value, cast.Type);
            sql.Define(cast.Column, converted);
            sql.Flag(FailedFlag(sql.Step, cast.Column), RowFlag.RuleInput, $"({value} IS NOT NULL AND {converted} IS NULL)");
        }
    }

    internal override IEnumerable<ImplicitRule> ImplicitRules(int step) => Casts.Select(c => new ImplicitRule(
        $"cast_{c.Column}", KindName, $"values of `{c.Column}` that do not cast", $"__rule_cast_{step}_{c.Column}", FailedFlag(step, c.Column)));

    /// <summary>The internal column the cast step sets where a non-null value did not cast.</summary>
    private static string FailedFlag(int step, string column) => $"__cast_failed_{step}_{column}";
}
