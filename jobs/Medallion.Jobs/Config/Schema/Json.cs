using System.Text.Json.Nodes;

namespace Medallion.Jobs.Config.Schema;

/// <summary>Small builders for JSON Schema (draft-07) nodes, so the schema definitions read like the YAML they describe.</summary>
internal static class Json
{
    /// <summary>A closed object: an unknown key is an error, as in the loader.</summary>
    public static JsonObject Object(string description, IEnumerable<(string Key, JsonObject Schema)> properties, params string[] required)
    {
        var props = new JsonObject();
        foreach (var (key, schema) in properties)
        {
            props[key] = schema;
        }

        var node = new JsonObject { ["type"] = "object", ["description"] = description, ["additionalProperties"] = false, ["properties"] = props };
        if (required.Length > 0)
        {
            node["required"] = Array(required);
        }

        return node;
    }

    public static JsonObject String(string description, string? pattern = null)
    {
        var node = new JsonObject { ["type"] = "string", ["description"] = description };
        if (pattern is not null)
        {
            node["pattern"] = pattern;
        }

        return node;
    }

    public static JsonObject Enum(string description, IEnumerable<string> values) =>
        new() { ["type"] = "string", ["description"] = description, ["enum"] = Array(values) };

    public static JsonObject Boolean(string description) => new() { ["type"] = "boolean", ["description"] = description };

    public static JsonObject Integer(string description, long minimum) =>
        new() { ["type"] = "integer", ["description"] = description, ["minimum"] = minimum };

    public static JsonObject Number(string description, double minimum, double? maximum = null)
    {
        var node = new JsonObject { ["type"] = "number", ["description"] = description, ["minimum"] = minimum };
        if (maximum is { } max)
        {
            node["maximum"] = max;
        }

        return node;
    }

    /// <summary>A YAML scalar the loader reads as text: written plain, it may also parse as a number or boolean.</summary>
    public static JsonObject Scalar(string description) =>
        new() { ["type"] = Array(["string", "number", "boolean"]), ["description"] = description };

    public static JsonObject List(string description, JsonObject items, int minItems = 1) =>
        new() { ["type"] = "array", ["description"] = description, ["minItems"] = minItems, ["items"] = items };

    public static JsonObject Ref(string definition, string? description = null)
    {
        var node = new JsonObject { ["$ref"] = $"#/definitions/{definition}" };
        if (description is not null)
        {
            // draft-07 ignores siblings of $ref for validation; editors still show the description.
            node["description"] = description;
        }

        return node;
    }

    public static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());
}
