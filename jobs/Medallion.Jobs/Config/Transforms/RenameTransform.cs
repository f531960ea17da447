using Medallion.Jobs.Sql;
using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config.Transforms;

/// <summary><c>rename: { old_name: new_name }</c> — renames columns, in the order written.</summary>
public sealed record RenameTransform(IReadOnlyList<ColumnRename> Renames, SourceLocation Location) : TransformSpec(Location), ITransformKind
{
    public static string KindName => "rename";

    public override string Kind => KindName;

    static TransformSpec? ITransformKind.Parse(ConfigReader reader, YamlNode value, SourceLocation at)
    {
        if (reader.Mapping(value, $"`{KindName}`") is not { } map)
        {
            return null;
        }

        if (map.Children.Count == 0)
        {
            reader.Error(map, $"`{KindName}` must name at least one column");
            return null;
        }

        var renames = new List<ColumnRename>();
        foreach (var (keyNode, toNode) in map.Children)
        {
            if (reader.String(keyNode, $"a column in `{KindName}`") is { } from && reader.String(toNode, $"the value of `{from}` in `{KindName}`") is { } to)
            {
                ConfigNames.CheckColumn(reader, toNode, to);
                renames.Add(new ColumnRename(from, to));
            }
        }

        return renames.Count == map.Children.Count ? new RenameTransform(renames, at) : null;
    }

    internal override void Trace(ColumnStep step)
    {
        foreach (var (from, to) in Renames)
        {
            if (step.Exists(from) && (string.Equals(from, to, StringComparison.OrdinalIgnoreCase) || step.IsFree(to)))
            {
                step.Columns.Set(from, new TypedColumn(to, step.Columns.Find(from)!.Type));
            }
        }
    }

    internal override void Render(TransformSql sql)
    {
        foreach (var (from, to) in Renames)
        {
            sql.Rename(from, to);
        }
    }
}
