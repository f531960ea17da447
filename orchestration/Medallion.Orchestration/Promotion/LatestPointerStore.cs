using System.Text.Json;
using System.Text.Json.Nodes;
using Medallion.Delta;
using Medallion.Orchestration.Runs;

namespace Medallion.Orchestration.Promotion;

/// <summary>
/// Reads and writes <c>_LATEST.json</c>. The Delta log of <c>current/</c> is the truth: a pointer
/// that is missing, unreadable or behind the log (a crash after the commit) is rebuilt from it
/// with a warning, never a crash.
/// </summary>
internal sealed class LatestPointerStore(IRunReporter reporter)
{
    public static Task WriteAsync(LakeTable table, LatestPointer pointer, CancellationToken cancellationToken = default)
    {
        var json = new JsonObject { ["dataset"] = pointer.Dataset, ["table"] = pointer.Table };
        foreach (var (key, value) in JsonSerializer.SerializeToNode(pointer.Latest, LakeJson.Options)!.AsObject().ToList())
        {
            json[key] = value?.DeepClone();
        }

        json["history"] = JsonSerializer.SerializeToNode(pointer.History, LakeJson.Options);
        return table.Store.WriteAsync(table.Layout.Latest, JsonSerializer.SerializeToUtf8Bytes(json, LakeJson.Options), cancellationToken);
    }

    /// <summary>The pointer, rebuilt from the log when needed; null when nothing was ever promoted.</summary>
    public async Task<LatestPointer?> ReadAsync(LakeTable table, CancellationToken cancellationToken = default)
    {
        var snapshot = await new DeltaTable(table.Store, table.Layout.SilverCurrent).TryLoadSnapshotAsync(cancellationToken: cancellationToken);
        return await ReadAsync(table, snapshot, cancellationToken);
    }

    /// <summary>The pointer checked against <paramref name="snapshot"/> (the latest of <c>current/</c>, already loaded by the caller).</summary>
    public async Task<LatestPointer?> ReadAsync(LakeTable table, DeltaSnapshot? snapshot, CancellationToken cancellationToken = default)
    {
        var (pointer, problem) = await TryReadFileAsync(table, cancellationToken);
        var logSequence = snapshot?.AppTransactions.GetValueOrDefault(table.Layout.PromotionAppId);
        if (pointer is not null && (logSequence is null || pointer.Latest.Sequence == logSequence))
        {
            return pointer;
        }

        problem ??= pointer is null ? "is missing" : $"records promotion {pointer.Latest.Sequence} but the Delta log of current/ is at promotion {logSequence}";
        if (logSequence is null || snapshot is null)
        {
            if (pointer is not null || problem != "is missing")
            {
                reporter.Warning($"{table.Name}: {table.Store.Describe(table.Layout.Latest)} {problem}, and {table.Store.Describe(table.Layout.SilverCurrent)} has no promotions; treating the table as never promoted.");
            }

            return null;
        }

        var rebuilt = await RebuildAsync(table, pointer, snapshot.Version, cancellationToken);
        if (rebuilt is null)
        {
            reporter.Warning($"{table.Name}: {table.Store.Describe(table.Layout.Latest)} {problem}, and the Delta log of current/ keeps none of Medallion's commits; treating the table as never promoted.");
            return null;
        }

        reporter.Warning($"{table.Name}: {table.Store.Describe(table.Layout.Latest)} {problem}; rebuilt it from the Delta log of current/ (version {rebuilt.Latest.CurrentVersion}, run {rebuilt.Latest.RunKey}).");
        await WriteAsync(table, rebuilt, cancellationToken);
        return rebuilt;
    }

    /// <summary>
    /// The pointer at version <paramref name="upTo"/>: a pointer that is only behind is extended with
    /// the commits after its newest one; otherwise the newest commits are read back to fill its history.
    /// </summary>
    internal static async Task<LatestPointer?> RebuildAsync(LakeTable table, LatestPointer? behind, long upTo, CancellationToken cancellationToken)
    {
        if (behind is not null && behind.Latest.CurrentVersion < upTo)
        {
            var missed = await PromotionLog.ReadBetweenAsync(table, behind.Latest.CurrentVersion, upTo, cancellationToken);
            if (missed.Count > 0 && missed[0].Sequence == behind.Latest.Sequence + 1)
            {
                return missed.Aggregate(behind, (pointer, record) => pointer.Then(record));
            }
        }

        var log = await PromotionLog.ReadNewestAsync(table, upTo, LatestPointer.HistoryLimit + 1, cancellationToken);
        return log.Count == 0
            ? null
            : new LatestPointer(table.Dataset.Name, table.Table.Name, log[^1], [.. log.Reverse().Skip(1).Take(LatestPointer.HistoryLimit)]);
    }

    private static async Task<(LatestPointer? Pointer, string? Problem)> TryReadFileAsync(LakeTable table, CancellationToken cancellationToken)
    {
        var bytes = await table.Store.TryReadAsync(table.Layout.Latest, cancellationToken);
        if (bytes is null)
        {
            return (null, null);
        }

        try
        {
            var json = JsonNode.Parse(bytes)?.AsObject() ?? throw new JsonException("the file holds null");
            var latest = json.Deserialize<PromotionRecord>(LakeJson.Options) ?? throw new JsonException("no promotion record");
            var history = json["history"]?.Deserialize<List<PromotionRecord>>(LakeJson.Options) ?? [];
            if (latest.RunKey is null || latest.Counts is null || latest.PartitionsReplaced is null)
            {
                throw new JsonException("runKey, counts or partitionsReplaced is missing");
            }

            return (new LatestPointer(table.Dataset.Name, table.Table.Name, latest, history), null);
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            return (null, $"is not readable ({error.Message})");
        }
    }
}
