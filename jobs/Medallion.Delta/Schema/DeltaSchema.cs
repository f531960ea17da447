using System.Text.Json.Nodes;

namespace Medallion.Delta.Schema;

/// <summary>A table schema: the top-level struct, serialized as the log's Spark-style <c>schemaString</c>.</summary>
public sealed class DeltaSchema
{
    public DeltaSchema(IReadOnlyList<DeltaField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var duplicate = fields.GroupBy(field => field.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"The column name '{duplicate.Key}' appears more than once (names are unique regardless of case).", nameof(fields));
        }

        Fields = fields;
    }

    public IReadOnlyList<DeltaField> Fields { get; }

    /// <summary>The field named <paramref name="name"/> (case-insensitive, as Delta compares names), or <see langword="null"/>.</summary>
    public DeltaField? Find(string name) =>
        Fields.FirstOrDefault(field => string.Equals(field.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The compact <c>schemaString</c> JSON.</summary>
    public string ToJson() => SchemaJson.Write(new DeltaStructType(Fields)).ToJsonString();

    /// <summary>Parses a <c>schemaString</c>.</summary>
    /// <remarks>Throws <see cref="DeltaFormatException"/> for malformed JSON and <see cref="DeltaUnsupportedFeatureException"/> for a type Medallion does not know.</remarks>
    public static DeltaSchema Parse(string schemaString)
    {
        ArgumentNullException.ThrowIfNull(schemaString);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(schemaString);
        }
        catch (System.Text.Json.JsonException exception)
        {
            throw new DeltaFormatException($"The schemaString is not valid JSON: {exception.Message}", exception);
        }

        if (SchemaJson.Read(node) is not DeltaStructType root)
        {
            throw new DeltaFormatException("The schemaString must be a struct type at the top level.");
        }

        return new DeltaSchema(root.Fields);
    }
}
