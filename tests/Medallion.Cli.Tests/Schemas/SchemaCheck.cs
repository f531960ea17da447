using System.Text.Json.Nodes;
using Json.Schema;

namespace Medallion.Cli.Tests.Schemas;

/// <summary>Validates YAML text against one of the generated schemas and lists what it rejects.</summary>
internal static class SchemaCheck
{
    public static IReadOnlyList<string> Errors(string schemaText, string yaml)
    {
        var schema = JsonSchema.FromText(schemaText);
        var result = schema.Evaluate(YamlJson.Parse(yaml), new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : result.Details.Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
                .ToList();
    }

    public static JsonObject Parsed(string schemaText) => JsonNode.Parse(schemaText)!.AsObject();
}
