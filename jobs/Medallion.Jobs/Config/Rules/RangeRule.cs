using Medallion.Jobs.Config.Casting;
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

        return column is null
            ? null
            : new RangeRule(column, min, max, header.NameFor(KindName, [column]), header.Severity, header.Threshold, header.Location)
            {
                MinLocation = values.TryGetValue("min", out var minAt) ? reader.At(minAt) : null,
                MaxLocation = values.TryGetValue("max", out var maxAt) ? reader.At(maxAt) : null,
            };
    }

    /// <summary>Where <see cref="Min"/> was written; null for a rule built in code.</summary>
    internal SourceLocation? MinLocation { get; init; }

    /// <summary>Where <see cref="Max"/> was written; null for a rule built in code.</summary>
    internal SourceLocation? MaxLocation { get; init; }

    /// <summary>
    /// Bounds that cannot hold, checked once the column's silver type is known: a bound that does not
    /// cast to the type would compare with null and let every row pass, and <c>min &gt; max</c> would
    /// let none pass (nulls aside). Both are compared by DuckDB exactly as the rule's SQL compares them.
    /// </summary>
    internal override IEnumerable<ConfigError> CheckSettings(IReadOnlyList<TypedColumn> silver, SqlFragmentChecker engine)
    {
        if (silver.FirstOrDefault(c => c.Name == Column) is not { } column || column.TypeUnknown)
        {
            yield break; // reported by the column flow, or the column's type was unreadable
        }

        var type = column.Type;
        // The strict text cast (what `cast` reads), not the rule's try-cast: a bound such as 2.5 on a
        // long column would be rounded by DuckDB's try-cast and truncated by Spark's, so it is refused
        // here, and every bound that loads converts the same on both engines.
        var dialect = DuckDbDialect.Instance;
        string? Cast(string? bound) => bound is null ? null : TextCast.Render(dialect, dialect.StringLiteral(bound), type, CastOptions.Default);
        var (min, max) = (Cast(Min), Cast(Max));
        var castable = true;
        foreach (var (key, bound, sql, at) in new[] { ("min", Min, min, MinLocation), ("max", Max, max, MaxLocation) })
        {
            if (sql is not null && engine.Holds($"{sql} IS NULL") == true)
            {
                castable = false;
                yield return new ConfigError(at ?? Location, $"rule `{Name}` (range): `{key}` `{bound}` is not a {type} value like column `{Column}`, so the bound would compare with nothing and let every row pass");
            }
        }

        if (castable && min is not null && max is not null && engine.Holds($"{min} > {max}") == true)
        {
            yield return new ConfigError(MinLocation ?? Location, $"rule `{Name}` (range): `min` {Min} is greater than `max` {Max}, so no value of `{Column}` could pass; swap them");
        }
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
