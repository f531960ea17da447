using Medallion.Jobs.Sql;
using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config.Transforms;

/// <summary><c>drop: [a, b]</c> — removes columns.</summary>
public sealed record DropTransform(IReadOnlyList<string> Columns, SourceLocation Location) : TransformSpec(Location), ITransformKind
{
    public static string KindName => "drop";

    public override string Kind => KindName;

    static TransformSpec? ITransformKind.Parse(ConfigReader reader, YamlNode value, SourceLocation at) =>
        reader.Names(value, $"`{KindName}`") is { } columns ? new DropTransform(columns, at) : null;

    internal override void Trace(ColumnStep step)
    {
        foreach (var column in Columns.Where(step.Exists))
        {
            step.Columns.Remove(column);
        }
    }

    // A dropped column is simply not selected after this step.
    internal override void Render(TransformSql sql)
    {
    }
}
