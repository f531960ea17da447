using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Medallion.Jobs.Config.Schema;

/// <summary>
/// JSON Schemas of the two YAML files, for editors (<c># yaml-language-server: $schema=…</c>):
/// generated from the loader's own key tables and kind catalogues, and committed under
/// <c>schemas/</c>, where a test fails when the files and the loader drift apart.
/// </summary>
public static class ConfigSchemas
{
    /// <summary>The folder, beside <c>conf/</c>, that holds the schema files.</summary>
    public const string Folder = "schemas";

    public const string DatasetFileName = "dataset.schema.json";

    public const string SettingsFileName = "medallion.schema.json";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Patterns keep their + and < readable instead of \u002B.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The schema of <c>datasets/&lt;dataset&gt;.yaml</c>, as the text of <c>schemas/dataset.schema.json</c>.</summary>
    public static string Dataset() => Text(DatasetSchema.Build());

    /// <summary>The schema of <c>medallion.yaml</c>, as the text of <c>schemas/medallion.schema.json</c>.</summary>
    public static string Settings() => Text(SettingsSchema.Build());

    internal static JsonObject Document(string title, JsonObject root, JsonObject definitions)
    {
        var document = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["title"] = title,
            ["$comment"] = "Generated from the loader (jobs/Medallion.Jobs/Config/Schema); regenerate with MEDALLION_UPDATE_SCHEMAS=1 dotnet test tests/Medallion.Jobs.Tests --filter ConfigSchemaTests",
        };
        foreach (var (key, value) in root.ToList())
        {
            root.Remove(key);
            document[key] = value;
        }

        document["definitions"] = definitions;
        return document;
    }

    private static string Text(JsonObject schema) => schema.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
}
