using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Medallion.Delta.Schema;

namespace Medallion.Delta.Log;

/// <summary>Parses log actions (one JSON object per line) into a <see cref="LogCommit"/>.</summary>
internal static class ActionParser
{
    // Actions a snapshot reader may skip: change data files and domain metadata do not change
    // which rows the table holds. Anything else unknown is refused rather than read wrongly.
    private static readonly HashSet<string> IgnoredActions = ["cdc", "domainMetadata", "checkpointMetadata"];

    public static LogCommit ParseCommitFile(long version, byte[] content, string location)
    {
        var commit = new LogCommit(version);
        var lineNumber = 0;
        foreach (var line in Encoding.UTF8.GetString(content).Split('\n'))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonObject json;
            try
            {
                json = JsonNode.Parse(line) as JsonObject
                    ?? throw new DeltaFormatException($"{location}:{lineNumber}: a log line must be a JSON object.");
            }
            catch (JsonException exception)
            {
                throw new DeltaFormatException($"{location}:{lineNumber}: not valid JSON: {exception.Message}", exception);
            }

            ParseAction(json, commit);
        }

        return commit;
    }

    /// <summary>Adds the one action in <paramref name="line"/> (keyed by its type) to <paramref name="commit"/>.</summary>
    public static void ParseAction(JsonObject line, LogCommit commit)
    {
        foreach (var (kind, body) in line)
        {
            if (body is not JsonObject action)
            {
                continue;
            }

            switch (kind)
            {
                case "add":
                    commit.HasDeletionVectors |= action["deletionVector"] is JsonObject;
                    commit.Adds.Add(ParseAdd(action));
                    break;
                case "remove":
                    commit.HasDeletionVectors |= action["deletionVector"] is JsonObject;
                    commit.Removes.Add(ParseRemove(action));
                    break;
                case "metaData":
                    commit.Metadata = ParseMetadata(action);
                    break;
                case "protocol":
                    commit.Protocol = ParseProtocol(action);
                    break;
                case "txn":
                    commit.Transactions.Add(new AppTransaction(
                        LogJson.RequiredString(action, "appId", kind),
                        LogJson.Long(action, "version") ?? throw new DeltaFormatException($"A 'txn' action has no 'version': {action.ToJsonString()}"),
                        LogJson.Long(action, "lastUpdated")));
                    break;
                case "commitInfo":
                    commit.CommitInfo = action;
                    break;
                default:
                    if (!IgnoredActions.Contains(kind))
                    {
                        throw new DeltaUnsupportedFeatureException(
                            $"Version {commit.Version} of the log has a '{kind}' action, which Medallion's Delta reader does not implement.");
                    }

                    break;
            }
        }
    }

    private static AddFile ParseAdd(JsonObject action)
    {
        var tags = action["tags"] is JsonObject
            ? LogJson.StringMap(action["tags"]).Where(pair => pair.Value is not null).ToDictionary(pair => pair.Key, pair => pair.Value!)
            : null;
        return new AddFile(
            LogPathCodec.Decode(LogJson.RequiredString(action, "path", "add")),
            PartitionValues(action["partitionValues"]),
            LogJson.Long(action, "size") ?? 0,
            LogJson.Long(action, "modificationTime") ?? 0,
            LogJson.Bool(action, "dataChange") ?? true,
            StatisticsJson.Parse(LogJson.String(action, "stats")),
            tags);
    }

    private static RemoveFile ParseRemove(JsonObject action) => new(
        LogPathCodec.Decode(LogJson.RequiredString(action, "path", "remove")),
        LogJson.Long(action, "deletionTimestamp"),
        LogJson.Bool(action, "dataChange") ?? true,
        action["partitionValues"] is JsonObject ? PartitionValues(action["partitionValues"]) : null,
        LogJson.Long(action, "size"));

    private static DeltaMetadata ParseMetadata(JsonObject action) => new(
        LogJson.RequiredString(action, "id", "metaData"),
        LogJson.String(action, "name"),
        LogJson.String(action, "description"),
        DeltaSchema.Parse(LogJson.RequiredString(action, "schemaString", "metaData")),
        LogJson.StringList(action["partitionColumns"]) ?? [],
        LogJson.StringMap(action["configuration"]).Where(pair => pair.Value is not null).ToDictionary(pair => pair.Key, pair => pair.Value!),
        LogJson.Long(action, "createdTime"));

    private static DeltaProtocol ParseProtocol(JsonObject action) => new(
        (int)(LogJson.Long(action, "minReaderVersion") ?? throw new DeltaFormatException($"A 'protocol' action has no 'minReaderVersion': {action.ToJsonString()}")),
        (int)(LogJson.Long(action, "minWriterVersion") ?? 0),
        LogJson.StringList(action["readerFeatures"]),
        LogJson.StringList(action["writerFeatures"]));

    /// <summary>The protocol says an empty string is a null partition value for every type.</summary>
    private static Dictionary<string, string?> PartitionValues(JsonNode? node) =>
        LogJson.StringMap(node).ToDictionary(pair => pair.Key, pair => string.IsNullOrEmpty(pair.Value) ? null : pair.Value);
}
