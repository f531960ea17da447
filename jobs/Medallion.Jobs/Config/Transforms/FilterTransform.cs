using Medallion.Jobs.Sql;
using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config.Transforms;

/// <summary><c>filter: "status = 'publish'"</c> — keeps rows where the SQL condition is true; others are counted as filtered.</summary>
public sealed record FilterTransform(string Condition, SourceLocation Location) : TransformSpec(Location), ITransformKind
{
    public static string KindName => "filter";

    public override string Kind => KindName;

    static TransformSpec? ITransformKind.Parse(ConfigReader reader, YamlNode value, SourceLocation at) =>
        reader.SqlFragment(value, $"`{KindName}`", SqlFragmentRole.Condition) is { } condition
            ? new FilterTransform(condition.Text, at) { ConditionFragment = condition }
            : null;

    /// <summary>Where the YAML wrote <see cref="Condition"/>; null for a transform built in code.</summary>
    internal SqlFragment? ConditionFragment { get; init; }

    internal override IEnumerable<SqlFragment> Fragments => [ConditionFragment ?? new SqlFragment(Condition, SqlFragmentRole.Condition, Location)];

    // A filter keeps every column; its condition's columns are checked by binding it in DuckDB.
    internal override void Trace(ColumnStep step)
    {
    }

    // Only a flag: the row stays until routing, so that the counts reconcile.
    internal override void Render(TransformSql sql) =>
        sql.Flag($"__filtered_{sql.Step}", RowFlag.Filtered, $"(NOT coalesce(({Condition}), FALSE))");
}
