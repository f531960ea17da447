using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Medallion.Delta.Log;

/// <summary>Small helpers for reading and writing log JSON.</summary>
internal static class LogJson
{
    /// <summary>Compact output that keeps non-ASCII text readable (the log is not HTML).</summary>
    public static JsonSerializerOptions Options { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string? String(JsonObject json, string key) =>
        json[key] switch
        {
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            null => null,
            var other => other.ToJsonString(),
        };

    public static string RequiredString(JsonObject json, string key, string action) =>
        String(json, key) ?? throw new DeltaFormatException($"A '{action}' action has no '{key}': {json.ToJsonString()}");

    public static long? Long(JsonObject json, string key) =>
        json[key] is JsonValue value && value.TryGetValue<long>(out var number) ? number : null;

    public static bool? Bool(JsonObject json, string key) =>
        json[key] is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;

    /// <summary>A JSON object of strings as a dictionary; a missing object is empty.</summary>
    public static Dictionary<string, string?> StringMap(JsonNode? node)
    {
        var map = new Dictionary<string, string?>();
        if (node is JsonObject json)
        {
            foreach (var (key, _) in json)
            {
                map[key] = String(json, key);
            }
        }

        return map;
    }

    public static List<string>? StringList(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(item => item?.GetValue<string>() ?? "")] : null;

    public static JsonObject ToObject<TValue>(IEnumerable<KeyValuePair<string, TValue>> pairs, Func<TValue, JsonNode?> convert)
    {
        var json = new JsonObject();
        foreach (var (key, value) in pairs)
        {
            json[key] = convert(value);
        }

        return json;
    }
}
