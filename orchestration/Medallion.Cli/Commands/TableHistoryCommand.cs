using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Medallion.Delta;

namespace Medallion.Cli.Commands;

/// <summary><c>medallion table history</c>: one line per version still in the log.</summary>
internal static class TableHistoryCommand
{
    private const string MedallionCountPrefix = "medallion.";

    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array instead of text." };
        var command = new Command("history", "Print one line per table version: version, time (UTC), operation, run key and counts.")
        {
            TableLocation.Path, TableLocation.Region, TableLocation.EndpointUrl, json,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var location = TableLocation.Open(parseResult);
            var history = await location.Table.HistoryAsync(cancellationToken);
            if (history.Count == 0)
            {
                throw new DeltaTableNotFoundException($"There is no Delta table at '{location.Description}' (no commits in _delta_log).");
            }

            if (parseResult.GetValue(json))
            {
                var entries = new JsonArray([.. history.Select(entry => (JsonNode)new JsonObject
                {
                    ["version"] = entry.Version,
                    ["timestamp"] = entry.Timestamp.ToString("O", CultureInfo.InvariantCulture),
                    ["operation"] = entry.Operation,
                    ["runKey"] = RunKey(entry),
                    ["counts"] = new JsonObject(Counts(entry).Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value))),
                })]);
                await context.Output.WriteLineAsync(entries.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                return ExitCodes.Success;
            }

            await context.Output.WriteLineAsync($"{"version",7}  {"time (UTC)",-24}  {"operation",-16}  {"run key",-28}  counts");
            foreach (var entry in history)
            {
                var counts = string.Join(' ', Counts(entry).Select(pair => $"{pair.Key}={pair.Value}"));
                await context.Output.WriteLineAsync(
                    $"{entry.Version,7}  {entry.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),-24}  {entry.Operation ?? "-",-16}  {RunKey(entry) ?? "-",-28}  {(counts.Length == 0 ? "-" : counts)}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string? RunKey(DeltaCommitInfo entry) =>
        (entry.Extras.GetValueOrDefault("runKey") ?? entry.OperationParameters.GetValueOrDefault("runKey")) is JsonValue value && value.TryGetValue<string>(out var runKey) ? runKey : null;

    /// <summary>Medallion's <c>medallion.*</c> counts, or the <c>operationMetrics</c> other writers (Spark) record.</summary>
    private static List<KeyValuePair<string, string>> Counts(DeltaCommitInfo entry)
    {
        var medallion = entry.Extras
            .Where(pair => pair.Key.StartsWith(MedallionCountPrefix, StringComparison.Ordinal) && pair.Value is JsonValue)
            .Select(pair => KeyValuePair.Create(pair.Key[MedallionCountPrefix.Length..], pair.Value!.ToString()))
            .ToList();
        if (medallion.Count > 0 || entry.Extras.GetValueOrDefault("operationMetrics") is not JsonObject metrics)
        {
            return medallion;
        }

        return [.. metrics.Where(pair => pair.Value is JsonValue).Select(pair => KeyValuePair.Create(pair.Key, pair.Value!.ToString()))];
    }
}
