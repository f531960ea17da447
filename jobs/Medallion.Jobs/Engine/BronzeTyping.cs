using Medallion.Jobs.Config;
using Medallion.Jobs.Sql;

namespace Medallion.Jobs.Engine;

/// <summary>
/// The typing both engines' bronze SQL shares: raw text fields <c>__f_0, __f_1, …</c> cast to the
/// declared types, and the reason a record is malformed when a value does not cast.
/// </summary>
internal static class BronzeTyping
{
    public static string Field(int index) => $"__f_{index}";

    /// <summary>Each declared column, read from its raw text by the strict rules of <see cref="TextCast"/>.</summary>
    public static IEnumerable<string> TypedColumns(TableSpec table, ISqlDialect sql) =>
        table.Columns.Select((c, i) => $"{TextCast.Render(sql, Field(i), c.Type, c.Cast)} AS {sql.Identifier(c.Name)}");

    /// <summary>Every value that did not cast, named with its column and type, joined by "; "; null when all cast.</summary>
    public static string CastError(TableSpec table, ISqlDialect sql)
    {
        var errors = table.Columns
            .Select((c, i) => (Column: c, Field: Field(i)))
            .Where(x => x.Column.Type.Kind != ColumnKind.String)
            .Select(x => $"CASE WHEN {x.Field} IS NOT NULL AND {TextCast.Render(sql, x.Field, x.Column.Type, x.Column.Cast)} IS NULL THEN " +
                         $"{sql.StringLiteral($"column `{x.Column.Name}` does not cast to {x.Column.Type}: ")} || {x.Field} END")
            .ToList();
        return errors.Count == 0 ? "NULL" : $"nullif(concat_ws('; ', {string.Join(", ", errors)}), '')";
    }
}
