using Medallion.Jobs.Plan;
using Medallion.Jobs.Sql;
using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config.Transforms;

/// <summary>
/// <c>deduplicate: { key: [id], order_by: modified }</c> — keeps one row per key, the latest by
/// <c>order_by</c> (descending unless <c>keep: first</c>); the others are counted as duplicates removed.
/// </summary>
public sealed record DeduplicateTransform(IReadOnlyList<string> Key, string OrderBy, bool KeepLatest, SourceLocation Location) : TransformSpec(Location), ITransformKind
{
    private static readonly Dictionary<string, bool> Keeps = new(StringComparer.Ordinal)
    {
        ["latest"] = true,
        ["first"] = false,
    };

    public static string KindName => "deduplicate";

    public override string Kind => KindName;

    static TransformSpec? ITransformKind.Parse(ConfigReader reader, YamlNode value, SourceLocation at)
    {
        const string What = "`deduplicate`";
        if (reader.Mapping(value, What) is not { } map)
        {
            return null;
        }

        var values = reader.Keys(map, What, "key", "order_by", "keep");
        var key = reader.Required(map, values, "key", What) is { } keyNode ? reader.Names(keyNode, "`deduplicate.key`") : null;
        var orderBy = reader.RequiredString(map, values, "order_by", What);
        var keepLatest = ConfigReader.Optional(values, "keep") is { } keepNode ? reader.Choice(keepNode, "`keep`", Keeps) : true;
        return key is null || orderBy is null || keepLatest is null ? null : new DeduplicateTransform(key, orderBy, keepLatest.Value, at);
    }

    internal override void Trace(ColumnStep step)
    {
        foreach (var column in Key.Append(OrderBy))
        {
            step.Exists(column);
        }
    }

    // Only a flag: the row stays until routing, so that the counts reconcile.
    internal override void Render(TransformSql sql)
    {
        var key = string.Join(", ", Key.Select(sql.Column));
        var direction = KeepLatest ? "DESC" : "ASC";
        var window = $"row_number() OVER (PARTITION BY {sql.LiveSoFar}, {key} ORDER BY {sql.Column(OrderBy)} {direction} NULLS LAST, {sql.Column(LineageColumns.RecordNumber)} {direction})";

        // Rows with a null key are not duplicates of each other; a not_null rule reports them.
        var keyPresent = string.Join(" AND ", Key.Select(k => $"{sql.Column(k)} IS NOT NULL"));
        sql.Flag($"__duplicate_{sql.Step}", RowFlag.Duplicate, $"({sql.LiveSoFar} AND {keyPresent} AND {window} > 1)");
    }
}
