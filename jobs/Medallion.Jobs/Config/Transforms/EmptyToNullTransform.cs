using Medallion.Jobs.Sql;
using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config.Transforms;

/// <summary><c>empty_to_null: [a, b]</c> — turns empty strings into nulls.</summary>
public sealed record EmptyToNullTransform(IReadOnlyList<string> Columns, SourceLocation Location) : TransformSpec(Location), ITransformKind
{
    public static string KindName => "empty_to_null";

    public override string Kind => KindName;

    static TransformSpec? ITransformKind.Parse(ConfigReader reader, YamlNode value, SourceLocation at) =>
        reader.Names(value, $"`{KindName}`") is { } columns ? new EmptyToNullTransform(columns, at) : null;

    internal override void Trace(ColumnStep step) => step.RequireStrings(Columns);

    // NULLIF is the same in both dialects.
    internal override void Render(TransformSql sql) => sql.Redefine(Columns, c => $"NULLIF({c}, '')");
}
