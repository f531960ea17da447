using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Medallion.Delta;
using Medallion.Delta.Reading;

namespace Medallion.Cli.Commands;

/// <summary>
/// <c>medallion table inspect</c>: version, protocol, partitioning, schema, files, records and bytes
/// of one snapshot, and the schema's history (the versions that created or changed it).
/// </summary>
internal static class TableInspectCommand
{
    public static Command Create(CliContext context)
    {
        var version = new Option<long?>("--version") { Description = "The table version (default: the latest)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var command = new Command("inspect", "Print a table snapshot's version, protocol, partition columns, schema, live files, records and bytes (exit 1 when the table uses a feature Medallion cannot read).")
        {
            TableLocation.Path, TableLocation.Region, TableLocation.EndpointUrl, version, json,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var location = TableLocation.Open(parseResult);
            DeltaSnapshot snapshot;
            try
            {
                snapshot = await location.Table.LoadSnapshotAsync(parseResult.GetValue(version), cancellationToken);
            }
            catch (DeltaUnsupportedFeatureException unsupported)
            {
                await context.Error.WriteLineAsync($"error: cannot read this table: {unsupported.Message}");
                return ExitCodes.Failed;
            }

            var staging = Path.Combine(Path.GetTempPath(), $"medallion-inspect-{Guid.NewGuid():N}");
            try
            {
                var summary = await DeltaSnapshotSummary.CreateAsync(location.Store, snapshot, staging, cancellationToken);
                var history = (await DeltaSchemaHistory.ReadAsync(location.Store, location.Table.TablePath, cancellationToken))
                    .Where(entry => entry.Version <= snapshot.Version).ToList();
                var report = Report(location.Description, snapshot, summary, history);
                await context.Output.WriteLineAsync(parseResult.GetValue(json) ? report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) : Text(report, summary));
            }
            finally
            {
                if (Directory.Exists(staging))
                {
                    Directory.Delete(staging, recursive: true);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static JsonObject Report(string location, DeltaSnapshot snapshot, DeltaSnapshotSummary summary, IReadOnlyList<DeltaSchemaHistory.Entry> history) => new()
    {
        ["location"] = location,
        ["version"] = snapshot.Version,
        ["protocol"] = new JsonObject
        {
            ["minReaderVersion"] = snapshot.Protocol.MinReaderVersion,
            ["minWriterVersion"] = snapshot.Protocol.MinWriterVersion,
            ["readerFeatures"] = snapshot.Protocol.ReaderFeatures is { } reader ? new JsonArray([.. reader.Select(feature => (JsonNode)feature)]) : null,
            ["writerFeatures"] = snapshot.Protocol.WriterFeatures is { } writer ? new JsonArray([.. writer.Select(feature => (JsonNode)feature)]) : null,
        },
        ["partitionColumns"] = new JsonArray([.. snapshot.Metadata.PartitionColumns.Select(column => (JsonNode)column)]),
        ["schema"] = new JsonArray([.. snapshot.Metadata.Schema.Fields.Select(field => (JsonNode)new JsonObject
        {
            ["name"] = field.Name,
            ["type"] = field.Type.Name,
            ["nullable"] = field.Nullable,
        })]),
        ["numFiles"] = summary.NumFiles,
        ["numRecords"] = summary.NumRecords,
        ["sizeInBytes"] = summary.SizeInBytes,
        ["filesCountedFromData"] = summary.FilesCountedFromData,
        ["missingFiles"] = new JsonArray([.. summary.MissingFiles.Select(path => (JsonNode)path)]),
        ["appTransactions"] = new JsonObject(snapshot.AppTransactions.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value))),
        ["schemaHistory"] = new JsonArray([.. history.Select(entry => (JsonNode)new JsonObject
        {
            ["version"] = entry.Version,
            ["timestamp"] = entry.Timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["change"] = Change(entry),
        })]),
    };

    /// <summary>What a version did to the schema, in words.</summary>
    private static string Change(DeltaSchemaHistory.Entry entry) => entry.Change switch
    {
        null when entry.Version == 0 => $"created with {entry.Schema.Fields.Count} columns",
        null => $"{entry.Schema.Fields.Count} columns (the oldest schema the log still holds)",
        { } change => change.Describe(),
    };

    private static string Text(JsonObject report, DeltaSnapshotSummary summary)
    {
        var protocol = report["protocol"]!;
        var features = new[] { protocol["readerFeatures"], protocol["writerFeatures"] }.Where(list => list is JsonArray { Count: > 0 }).SelectMany(list => list!.AsArray()).Select(feature => feature!.GetValue<string>()).Distinct().ToList();
        var partitionColumns = report["partitionColumns"]!.AsArray().Select(column => column!.GetValue<string>()).ToList();
        var records = summary.NumRecords is { } count
            ? count.ToString("N0", CultureInfo.InvariantCulture) + (summary.FilesCountedFromData > 0 ? $" ({summary.FilesCountedFromData} file(s) without stats counted from their footers)" : "")
            : $"unknown ({summary.MissingFiles.Count} file(s) without stats are missing: {string.Join(", ", summary.MissingFiles.Take(3))})";
        var lines = new List<string>
        {
            $"table:        {report["location"]}",
            $"version:      {report["version"]}",
            $"protocol:     reader {protocol["minReaderVersion"]}, writer {protocol["minWriterVersion"]}{(features.Count > 0 ? $" (features: {string.Join(", ", features)})" : "")}",
            $"partitioned:  {(partitionColumns.Count > 0 ? string.Join(", ", partitionColumns) : "no")}",
            $"files:        {summary.NumFiles.ToString("N0", CultureInfo.InvariantCulture)}",
            $"records:      {records}",
            $"size:         {summary.SizeInBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes",
            "schema:",
        };
        lines.AddRange(report["schema"]!.AsArray().Select(field =>
            $"  {field!["name"]!.GetValue<string>(),-30} {field["type"]!.GetValue<string>()}{(field["nullable"]!.GetValue<bool>() ? "" : " not null")}"));
        lines.Add("schema history:");
        lines.AddRange(report["schemaHistory"]!.AsArray().Select(entry =>
            $"  version {entry!["version"]!.GetValue<long>(),-6} {entry["timestamp"]!.GetValue<string>()}  {entry["change"]!.GetValue<string>()}"));
        return string.Join(Environment.NewLine, lines);
    }
}
