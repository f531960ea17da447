using Medallion.Jobs.Sql;
using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config.Transforms;

/// <summary>
/// <c>deduplicate: { key: [id], order_by: modified }</c> — keeps one row per key, the latest by
/// <c>order_by</c> (descending unless <c>keep: first</c>); the others are counted as duplicates removed.
/// Duplicates are decided after the rules, among the rows that pass them (not filtered, malformed or
/// quarantined), with the key and order values the columns have at this step.
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

    // Decided after the rules, among the rows that pass them (see SilverSqlRenderer): a quarantined
    // latest row must not take its key's valid older row away with it.
    internal override void Render(TransformSql sql) => sql.Deduplicate(Key, OrderBy, KeepLatest);
}
