using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Medallion.Delta.Schema;

/// <summary>Reads and writes Delta types in the Spark JSON shape the protocol's schema section shows.</summary>
internal static partial class SchemaJson
{
    public static JsonNode Write(DeltaType type) => type switch
    {
        DeltaPrimitiveType or DeltaDecimalType => JsonValue.Create(type.Name),
        DeltaArrayType array => new JsonObject
        {
            ["type"] = "array",
            ["elementType"] = Write(array.ElementType),
            ["containsNull"] = array.ContainsNull,
        },
        DeltaMapType map => new JsonObject
        {
            ["type"] = "map",
            ["keyType"] = Write(map.KeyType),
            ["valueType"] = Write(map.ValueType),
            ["valueContainsNull"] = map.ValueContainsNull,
        },
        DeltaStructType structType => new JsonObject
        {
            ["type"] = "struct",
            ["fields"] = new JsonArray([.. structType.Fields.Select(WriteField)]),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Name, "Unknown Delta type."),
    };

    public static DeltaType Read(JsonNode? node)
    {
        if (node is JsonValue value && value.TryGetValue<string>(out var name))
        {
            return ReadNamed(name);
        }

        if (node is not JsonObject json)
        {
            throw new DeltaFormatException($"A schema type must be a name or an object, not '{node?.ToJsonString() ?? "null"}'.");
        }

        var kind = RequiredString(json, "type");
        return kind switch
        {
            "array" => new DeltaArrayType(Read(json["elementType"]), OptionalBool(json, "containsNull")),
            "map" => new DeltaMapType(Read(json["keyType"]), Read(json["valueType"]), OptionalBool(json, "valueContainsNull")),
            "struct" => new DeltaStructType(
                (json["fields"] as JsonArray ?? throw new DeltaFormatException("A struct type has no 'fields' array."))
                    .Select(ReadField).ToList()),
            _ => ReadNamed(kind),
        };
    }

    private static JsonObject WriteField(DeltaField field)
    {
        var metadata = new JsonObject();
        foreach (var (key, value) in field.Metadata)
        {
            metadata[key] = value?.DeepClone();
        }

        return new JsonObject
        {
            ["name"] = field.Name,
            ["type"] = Write(field.Type),
            ["nullable"] = field.Nullable,
            ["metadata"] = metadata,
        };
    }

    private static DeltaField ReadField(JsonNode? node)
    {
        if (node is not JsonObject json)
        {
            throw new DeltaFormatException("A struct field must be an object.");
        }

        var metadata = new Dictionary<string, JsonNode?>();
        if (json["metadata"] is JsonObject metadataJson)
        {
            foreach (var (key, value) in metadataJson)
            {
                metadata[key] = value?.DeepClone();
            }
        }

        return new DeltaField(RequiredString(json, "name"), Read(json["type"]), OptionalBool(json, "nullable"), metadata);
    }

    private static DeltaType ReadNamed(string name)
    {
        if (DeltaPrimitiveType.TryParse(name) is { } primitive)
        {
            return primitive;
        }

        var match = DecimalPattern().Match(name);
        if (match.Success)
        {
            return new DeltaDecimalType(
                int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
                int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
        }

        // Spark's bare "decimal" means its default precision and scale.
        return name == "decimal"
            ? new DeltaDecimalType(10, 0)
            : throw new DeltaUnsupportedFeatureException($"The column type '{name}' is not supported by Medallion's Delta reader.");
    }

    private static string RequiredString(JsonObject json, string key) =>
        json[key] is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : throw new DeltaFormatException($"A schema object has no string '{key}': {json.ToJsonString()}");

    private static bool OptionalBool(JsonObject json, string key) =>
        json[key] is not JsonValue value || !value.TryGetValue<bool>(out var flag) || flag;

    [GeneratedRegex(@"^decimal\(\s*(\d+)\s*,\s*(\d+)\s*\)$")]
    private static partial Regex DecimalPattern();
}
