using Medallion.Jobs.Sql;
using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config.Transforms;

/// <summary><c>filter: "status = 'publish'"</c> — keeps rows where the SQL condition is true; others are counted as filtered.</summary>
public sealed record FilterTransform(string Condition, SourceLocation Location) : TransformSpec(Location), ITransformKind
{
    public static string KindName => "filter";

    public override string Kind => KindName;

    static TransformSpec? ITransformKind.Parse(ConfigReader reader, YamlNode value, SourceLocation at) =>
        reader.String(value, $"`{KindName}`") is { } condition ? new FilterTransform(condition, at) : null;

    // A filter keeps every column; its SQL is checked by the engine.
    internal override void Trace(ColumnStep step)
    {
    }

    // Only a flag: the row stays until routing, so that the counts reconcile.
    internal override void Render(TransformSql sql) =>
        sql.Flag($"__filtered_{sql.Step}", RowFlag.Filtered, $"(NOT coalesce(({Condition}), FALSE))");
}
