using Medallion.Jobs.Sql;
using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config.Transforms;

/// <summary>
/// <c>derive: { column: c, type: long, expression: "a + b" }</c> — adds (or replaces) a column
/// computed by a SQL expression written in the portable subset both engines accept.
/// </summary>
public sealed record DeriveTransform(string Column, ColumnType Type, string Expression, SourceLocation Location) : TransformSpec(Location), ITransformKind
{
    public static string KindName => "derive";

    public override string Kind => KindName;

    static TransformSpec? ITransformKind.Parse(ConfigReader reader, YamlNode value, SourceLocation at)
    {
        const string What = "`derive`";
        if (reader.Mapping(value, What) is not { } map)
        {
            return null;
        }

        var values = reader.Keys(map, What, "column", "type", "expression");
        var column = reader.RequiredString(map, values, "column", What);
        if (column is not null)
        {
            ConfigNames.CheckColumn(reader, values["column"], column);
        }

        var type = reader.Required(map, values, "type", What) is { } typeNode
            ? TableParser.ParseType(reader, typeNode, $"derived column `{column}`")
            : null;
        var expression = reader.Required(map, values, "expression", What) is { } expressionNode
            ? reader.SqlFragment(expressionNode, "`expression` of `derive`", SqlFragmentRole.Value)
            : null;
        return column is null || type is null || expression is null
            ? null
            : new DeriveTransform(column, type, expression.Text, at) { ExpressionFragment = expression };
    }

    /// <summary>Where the YAML wrote <see cref="Expression"/>; null for a transform built in code.</summary>
    internal SqlFragment? ExpressionFragment { get; init; }

    internal override IEnumerable<SqlFragment> Fragments => [ExpressionFragment ?? new SqlFragment(Expression, SqlFragmentRole.Value, Location)];

    // The expression's columns are checked by binding it in DuckDB (see ConfigReader.CheckFragmentColumns).
    internal override void Trace(ColumnStep step)
    {
        // Replacing keeps the column's position; a name differing only in case would be a second, clashing column.
        if (step.Columns.Contains(Column) || step.IsFree(Column))
        {
            step.Columns.Set(Column, new TypedColumn(Column, Type));
        }
    }

    internal override void Render(TransformSql sql) => sql.Define(Column, sql.Dialect.TryCast($"({Expression})", Type));
}
