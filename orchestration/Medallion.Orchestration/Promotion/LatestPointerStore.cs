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
        var (pointer, problem) = await TryReadFileAsync(table, cancellationToken);
        var snapshot = await new DeltaTable(table.Store, table.Layout.SilverCurrent).TryLoadSnapshotAsync(cancellationToken: cancellationToken);
        var logSequence = snapshot?.AppTransactions.GetValueOrDefault(table.Layout.PromotionAppId);
        if (pointer is not null && (logSequence is null || pointer.Latest.Sequence == logSequence))
        {
            return pointer;
        }

        problem ??= pointer is null ? "is missing" : $"records promotion {pointer.Latest.Sequence} but the Delta log of current/ is at promotion {logSequence}";
        var log = logSequence is null ? [] : await PromotionLog.ReadAsync(table, cancellationToken);
        if (log.Count == 0)
        {
            if (pointer is not null || problem != "is missing")
            {
                reporter.Warning($"{table.Name}: {table.Store.Describe(table.Layout.Latest)} {problem}, and {table.Store.Describe(table.Layout.SilverCurrent)} has no promotions; treating the table as never promoted.");
            }

            return null;
        }

        var rebuilt = new LatestPointer(table.Dataset.Name, table.Table.Name, log[^1], [.. log.Reverse().Skip(1).Take(LatestPointer.HistoryLimit)]);
        reporter.Warning($"{table.Name}: {table.Store.Describe(table.Layout.Latest)} {problem}; rebuilt it from the Delta log of current/ (version {rebuilt.Latest.CurrentVersion}, run {rebuilt.Latest.RunKey}).");
        await WriteAsync(table, rebuilt, cancellationToken);
        return rebuilt;
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
