using Medallion.Jobs.Sql;
using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config.Transforms;

/// <summary><c>trim: [a, b]</c> — removes leading and trailing white space.</summary>
public sealed record TrimTransform(IReadOnlyList<string> Columns, SourceLocation Location) : TransformSpec(Location), ITransformKind
{
    public static string KindName => "trim";

    public override string Kind => KindName;

    static TransformSpec? ITransformKind.Parse(ConfigReader reader, YamlNode value, SourceLocation at) =>
        reader.Names(value, $"`{KindName}`") is { } columns ? new TrimTransform(columns, at) : null;

    internal override void Trace(ColumnStep step) => step.RequireStrings(Columns);

    internal override void Render(TransformSql sql) => sql.Redefine(Columns, sql.Dialect.Trim);
}
