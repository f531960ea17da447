using Medallion.Jobs.Plan;
using Medallion.Jobs.Sql;
using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config;

/// <summary>
/// Parses a table's <c>promotion</c>: a mode name (<c>promotion: merge</c>), or a mapping that adds the
/// merge settings (<c>promotion: { mode: merge, order_by: updated_at, delete_when: "op = 'D'" }</c>),
/// then checks them against the table once its silver columns are known.
/// </summary>
internal sealed class PromotionParser(ConfigReader reader)
{
    internal static readonly Dictionary<string, PromotionMode> Modes = new(StringComparer.Ordinal)
    {
        ["replace_partitions"] = PromotionMode.ReplacePartitions,
        ["replace_all"] = PromotionMode.ReplaceAll,
        ["append"] = PromotionMode.Append,
        ["merge"] = PromotionMode.Merge,
    };

    internal static readonly string[] MappingKeys = ["mode", "order_by", "delete_when"];

    /// <summary>Lineage columns silver carries, which <c>order_by</c> may also name (<c>_ingested_at</c>: the newer ingestion wins).</summary>
    private static readonly string[] SilverLineage = [LineageColumns.IngestedAt, LineageColumns.RunKey, LineageColumns.SourceFile];

    private YamlNode? _node;
    private YamlNode? _orderByNode;
    private SqlFragment? _deleteWhen;

    /// <summary>The mode and merge settings under <paramref name="node"/> (null: the table has no <c>promotion</c> key).</summary>
    public (PromotionMode Mode, MergeSpec Merge) Parse(YamlNode? node)
    {
        _node = node;
        if (node is null)
        {
            return (PromotionMode.ReplacePartitions, MergeSpec.Default);
        }

        if (node is not YamlMappingNode map)
        {
            return (reader.Choice(node, "`promotion`", Modes) ?? PromotionMode.ReplacePartitions, MergeSpec.Default);
        }

        var values = reader.Keys(map, "`promotion`", MappingKeys);
        var mode = reader.Required(map, values, "mode", "`promotion`") is { } modeNode
            ? reader.Choice(modeNode, "`promotion.mode`", Modes)
            : null;
        _orderByNode = ConfigReader.Optional(values, "order_by");
        var orderBy = _orderByNode is null ? null : reader.String(_orderByNode, "`promotion.order_by`");
        _deleteWhen = ConfigReader.Optional(values, "delete_when") is { } deleteNode
            ? reader.SqlFragment(deleteNode, "`promotion.delete_when`", SqlFragmentRole.Condition)
            : null;
        // A missing or unknown mode was reported already; its settings are not blamed on a mode nobody wrote.
        if (mode is { } written && written != PromotionMode.Merge && (_orderByNode ?? values.GetValueOrDefault("delete_when")) is { } mergeOnly)
        {
            reader.Error(mergeOnly, $"`order_by` and `delete_when` are settings of `mode: merge`; `mode: {ModeName(written)}` has none (remove them, or use mode: merge with a primary_key)");
        }

        return (mode ?? PromotionMode.ReplacePartitions, new MergeSpec(orderBy, _deleteWhen?.Text));
    }

    /// <summary>
    /// Checks a merge table's settings against its key and, when the column flow is sound
    /// (<paramref name="silver"/> not null), against its silver columns.
    /// </summary>
    public void Check(TableSpec table, IReadOnlyList<TypedColumn>? silver)
    {
        if (table.Promotion != PromotionMode.Merge || _node is null)
        {
            return;
        }

        if (table.PrimaryKey.Count == 0)
        {
            reader.Error(_node, $"`promotion: merge` upserts rows by the table's key, but table `{table.Name}` declares no `primary_key`; add `primary_key: [<column>, …]` or choose another promotion mode");
        }

        if (silver is null)
        {
            return;
        }

        if (table.Merge.OrderBy is { } orderBy && _orderByNode is not null
            && !silver.Any(c => c.Name == orderBy) && !SilverLineage.Contains(orderBy, StringComparer.Ordinal))
        {
            reader.Error(_orderByNode, $"`promotion.order_by` names `{orderBy}`, which is not a silver column; silver columns are: {string.Join(", ", silver.Select(c => c.Name).Concat(SilverLineage))}");
        }

        if (_deleteWhen is not null)
        {
            reader.CheckFragmentColumns([_deleteWhen], silver, "`promotion.delete_when`");
        }
    }

    /// <summary>The name a mode is written with.</summary>
    public static string ModeName(PromotionMode mode) => Modes.First(m => m.Value == mode).Key;
}
