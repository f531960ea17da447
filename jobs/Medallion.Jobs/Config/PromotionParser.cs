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

    /// <summary>
    /// The mode and merge settings under <paramref name="node"/> (null: the table has no <c>promotion</c> key,
    /// and the mode is the one that is safe with <paramref name="ingestion"/>).
    /// </summary>
    /// <remarks>
    /// A run that reads only new raw files holds only some rows of each partition it covers, so replacing
    /// partitions (or the table) with its rows would drop the rows earlier runs promoted there: that
    /// combination is an error, and the default is merge (with a key) or append instead (issue 13).
    /// </remarks>
    public (PromotionMode Mode, MergeSpec Merge) Parse(YamlNode? node, IngestionMode ingestion, bool hasPrimaryKey, string what)
    {
        _node = node;
        var safe = ingestion == IngestionMode.Full ? PromotionMode.ReplacePartitions
            : hasPrimaryKey ? PromotionMode.Merge
            : PromotionMode.Append;
        if (node is null)
        {
            return (safe, MergeSpec.Default);
        }

        var (mode, merge) = ParseWritten(node);
        if (ingestion == IngestionMode.Incremental && mode is PromotionMode.ReplacePartitions or PromotionMode.ReplaceAll)
        {
            reader.Error(node,
                $"`promotion: {ModeName(mode.Value)}` of {what} would lose rows with `ingestion: incremental` (the default): a run reads only the raw files " +
                $"that are new, so replacing {(mode == PromotionMode.ReplaceAll ? "the table" : "the partitions it covers")} with its rows drops the rows " +
                "earlier runs promoted there. Use `promotion: merge` (with a `primary_key`) or `append`, or `ingestion: full` to read every raw file each run");
        }

        return (mode ?? safe, merge);
    }

    private (PromotionMode? Mode, MergeSpec Merge) ParseWritten(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            return (reader.Choice(node, "`promotion`", Modes), MergeSpec.Default);
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

        return (mode, new MergeSpec(orderBy, _deleteWhen?.Text));
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
