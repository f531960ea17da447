using System.Text.Json.Nodes;

namespace Medallion.Delta.Log;

/// <summary>Converts <see cref="FileStatistics"/> to and from the JSON string in <c>add.stats</c>.</summary>
internal static class StatisticsJson
{
    public static FileStatistics? Parse(string? stats)
    {
        if (string.IsNullOrWhiteSpace(stats))
        {
            return null;
        }

        JsonObject json;
        try
        {
            json = JsonNode.Parse(stats) as JsonObject ?? throw new DeltaFormatException($"add.stats is not a JSON object: {stats}");
        }
        catch (System.Text.Json.JsonException exception)
        {
            throw new DeltaFormatException($"add.stats is not valid JSON: {exception.Message}", exception);
        }

        // Statistics without a row count cannot be used for anything; treat them as absent.
        if (json["numRecords"] is not JsonValue numRecords || !numRecords.TryGetValue<long>(out var rows))
        {
            return null;
        }

        var nullCount = new Dictionary<string, long>();
        foreach (var (key, value) in Flatten(json["nullCount"]))
        {
            if (value is JsonValue number && number.TryGetValue<long>(out var count))
            {
                nullCount[key] = count;
            }
        }

        return new FileStatistics(rows, Flatten(json["minValues"]), Flatten(json["maxValues"]), nullCount);
    }

    public static string Write(FileStatistics stats)
    {
        var json = new JsonObject
        {
            ["numRecords"] = stats.NumRecords,
            ["minValues"] = Nest(stats.MinValues),
            ["maxValues"] = Nest(stats.MaxValues),
            ["nullCount"] = Nest(stats.NullCount.ToDictionary(pair => pair.Key, pair => (JsonNode?)JsonValue.Create(pair.Value))),
        };
        return json.ToJsonString(LogJson.Options);
    }

    private static Dictionary<string, JsonNode?> Flatten(JsonNode? node)
    {
        var flat = new Dictionary<string, JsonNode?>();
        if (node is JsonObject json)
        {
            Flatten(json, prefix: "", flat);
        }

        return flat;
    }

    private static void Flatten(JsonObject json, string prefix, Dictionary<string, JsonNode?> flat)
    {
        foreach (var (key, value) in json)
        {
            var path = prefix + key;
            if (value is JsonObject nested)
            {
                Flatten(nested, path + ".", flat);
            }
            else
            {
                flat[path] = value?.DeepClone();
            }
        }
    }

    private static JsonObject Nest(IReadOnlyDictionary<string, JsonNode?> flat)
    {
        var root = new JsonObject();
        foreach (var (key, value) in flat)
        {
            var parts = key.Split('.');
            var target = root;
            foreach (var part in parts[..^1])
            {
                if (target[part] is not JsonObject child)
                {
                    child = new JsonObject();
                    target[part] = child;
                }

                target = child;
            }

            target[parts[^1]] = value?.DeepClone();
        }

        return root;
    }
}
