using Medallion.Jobs.Sql;
using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config.Transforms;

/// <summary><c>replace: { columns: [a], find: "x", with: "y" }</c> — literal find/replace (not a regex).</summary>
public sealed record ReplaceTransform(IReadOnlyList<string> Columns, string Find, string With, SourceLocation Location) : TransformSpec(Location), ITransformKind
{
    public static string KindName => "replace";

    public override string Kind => KindName;

    static TransformSpec? ITransformKind.Parse(ConfigReader reader, YamlNode value, SourceLocation at)
    {
        const string What = "`replace`";
        if (reader.Mapping(value, What) is not { } map)
        {
            return null;
        }

        var values = reader.Keys(map, What, "columns", "find", "with");
        var columns = reader.Required(map, values, "columns", What) is { } columnsNode ? reader.Names(columnsNode, "`replace.columns`") : null;
        var find = reader.RequiredString(map, values, "find", What);
        if (find is { Length: 0 })
        {
            reader.Error(values["find"], "`find` must not be empty");
        }

        // An empty `with` (delete the text) is written `with: ""`, which is not a null.
        var with = values.TryGetValue("with", out var withNode) ? reader.String(withNode, "`with`") : reader.RequiredString(map, values, "with", What);
        return columns is null || find is null || with is null ? null : new ReplaceTransform(columns, find, with, at);
    }

    internal override void Trace(ColumnStep step) => step.RequireStrings(Columns);

    internal override void Render(TransformSql sql) => sql.Redefine(Columns, c => sql.Dialect.ReplaceLiteral(c, Find, With));
}
