using System.Text.Json.Nodes;
using Medallion.Delta;

namespace Medallion.Orchestration.Promotion;

/// <summary>
/// Writes a <see cref="PromotionRecord"/> into a commit's <c>commitInfo</c> and reads it back, so
/// the Delta log of <c>current/</c> alone can rebuild <c>_LATEST.json</c>.
/// </summary>
internal static class PromotionCommitInfo
{
    private const string Prefix = "medallion.";

    public static IReadOnlyDictionary<string, JsonNode?> Extras(PromotionRecord record)
    {
        var extras = Common(record);
        if (record.Counts.Merge is { } merge)
        {
            extras[Prefix + "inserted"] = merge.Inserted;
            extras[Prefix + "updated"] = merge.Updated;
            extras[Prefix + "deleted"] = merge.Deleted;
            extras[Prefix + "unchanged"] = merge.Unchanged;
        }

        return extras;
    }

    private static Dictionary<string, JsonNode?> Common(PromotionRecord record) => new()
    {
        ["runKey"] = record.RunKey,
        ["engineInfo"] = "Medallion",
        [Prefix + "operation"] = record.Operation,
        [Prefix + "sequence"] = record.Sequence,
        [Prefix + "mode"] = record.Mode,
        [Prefix + "schemaVersion"] = record.SchemaVersion,
        [Prefix + "partitionsReplaced"] = new JsonArray([.. record.PartitionsReplaced.Select(p => (JsonNode?)JsonValue.Create(p))]),
        [Prefix + "rowsRead"] = record.Counts.RowsRead,
        [Prefix + "rowsWritten"] = record.Counts.SilverRows,
        [Prefix + "rowsQuarantined"] = record.Counts.Quarantined,
        [Prefix + "currentRows"] = record.Counts.CurrentRows,
        [Prefix + "emrJobRunIds"] = record.EmrJobRunIds is null ? null : new JsonObject([.. record.EmrJobRunIds.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]),
        [Prefix + "executionArn"] = record.ExecutionArn,
        [Prefix + "stateMachine"] = record.StateMachine,
        [Prefix + "rolledBackRunKey"] = record.RolledBackRunKey,
        [Prefix + "restoredVersion"] = record.RestoredVersion,
    };

    /// <summary>The record of a commit Medallion made to <c>current/</c>, or null for any other commit.</summary>
    public static PromotionRecord? Read(DeltaCommitInfo commit)
    {
        var extras = commit.Extras;
        if (Text(extras, Prefix + "operation") is not { } operation || Text(extras, "runKey") is not { } runKey)
        {
            return null;
        }

        var partitions = extras.GetValueOrDefault(Prefix + "partitionsReplaced") is JsonArray array
            ? array.Select(p => p?.GetValue<string>() ?? string.Empty).ToList()
            : [];
        return new PromotionRecord(
            operation,
            runKey,
            Text(extras, Prefix + "schemaVersion") ?? string.Empty,
            Number(extras, Prefix + "sequence") ?? 0,
            commit.Version,
            Text(extras, Prefix + "mode") ?? string.Empty,
            partitions,
            new PromotionCounts(
                Number(extras, Prefix + "rowsRead") ?? 0,
                Number(extras, Prefix + "rowsWritten") ?? 0,
                Number(extras, Prefix + "rowsQuarantined") ?? 0,
                Number(extras, Prefix + "currentRows") ?? 0) { Merge = MergeCounts(extras) },
            commit.Timestamp,
            JobRunIds(extras),
            Text(extras, Prefix + "executionArn"),
            Text(extras, Prefix + "rolledBackRunKey"),
            Number(extras, Prefix + "restoredVersion"))
        {
            StateMachine = Text(extras, Prefix + "stateMachine"),
        };
    }

    private static MergeCounts? MergeCounts(IReadOnlyDictionary<string, JsonNode?> extras) =>
        Number(extras, Prefix + "inserted") is { } inserted
            ? new MergeCounts(inserted, Number(extras, Prefix + "updated") ?? 0, Number(extras, Prefix + "deleted") ?? 0, Number(extras, Prefix + "unchanged") ?? 0)
            : null;

    private static Dictionary<string, string>? JobRunIds(IReadOnlyDictionary<string, JsonNode?> extras) =>
        extras.GetValueOrDefault(Prefix + "emrJobRunIds") is JsonObject ids
            ? ids.Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal)
            : null;

    private static string? Text(IReadOnlyDictionary<string, JsonNode?> extras, string key) =>
        extras.GetValueOrDefault(key) is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static long? Number(IReadOnlyDictionary<string, JsonNode?> extras, string key) =>
        extras.GetValueOrDefault(key) is JsonValue value && value.TryGetValue<long>(out var number) ? number : null;
}
