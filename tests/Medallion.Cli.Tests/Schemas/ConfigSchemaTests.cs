using System.Text.Json.Nodes;
using Medallion.Jobs.Config;
using Medallion.Jobs.Config.Schema;
using Medallion.Testing;

namespace Medallion.Cli.Tests.Schemas;

/// <summary>
/// The JSON Schemas under <c>schemas/</c>: generated from the loader (the committed files must equal
/// what the generator writes; <c>MEDALLION_UPDATE_SCHEMAS=1</c> rewrites them), accepting every YAML
/// the repository ships and rejecting unknown keys, with the same keys as the loader in every object.
/// </summary>
public sealed class ConfigSchemaTests
{
    private const string Probe = "zz_probe";
    private static readonly string SchemasFolder = Path.Combine(RepositoryPaths.Root, ConfigSchemas.Folder);

    public static TheoryData<string> Files => [ConfigSchemas.DatasetFileName, ConfigSchemas.SettingsFileName];

    [Theory]
    [MemberData(nameof(Files))]
    public void CommittedSchema_EqualsTheGeneratedOne(string file)
    {
        var generated = file == ConfigSchemas.DatasetFileName ? ConfigSchemas.Dataset() : ConfigSchemas.Settings();
        var path = Path.Combine(SchemasFolder, file);
        if (Environment.GetEnvironmentVariable("MEDALLION_UPDATE_SCHEMAS") == "1")
        {
            Directory.CreateDirectory(SchemasFolder);
            File.WriteAllText(path, generated);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run MEDALLION_UPDATE_SCHEMAS=1 dotnet test tests/Medallion.Cli.Tests --filter ConfigSchemaTests");
        Assert.True(
            File.ReadAllText(path) == generated,
            $"{path} differs from what the loader's definitions generate; run MEDALLION_UPDATE_SCHEMAS=1 dotnet test tests/Medallion.Cli.Tests --filter ConfigSchemaTests and review the diff");
    }

    [Fact]
    public void EveryYamlUnderConfAndSamples_IsValid()
    {
        var files = new[] { RepositoryPaths.Conf, RepositoryPaths.Samples }
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .ToList();

        Assert.Contains(files, f => Path.GetFileName(f) == ConfigLoader.SettingsFileName);
        Assert.Contains(files, f => Path.GetFileName(f) == "mortgage_transactions.yaml");
        foreach (var file in files)
        {
            var schema = Path.GetFileName(file) == ConfigLoader.SettingsFileName ? ConfigSchemas.Settings() : ConfigSchemas.Dataset();
            Assert.Empty(SchemaCheck.Errors(schema, File.ReadAllText(file)).Select(e => $"{file}: {e}"));
        }
    }

    [Fact]
    public void EveryYamlUnderConfAndSamples_ReferencesItsSchema()
    {
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Conf, "*.yaml", SearchOption.AllDirectories))
        {
            var first = File.ReadLines(file).First();
            Assert.StartsWith("# yaml-language-server: $schema=", first, StringComparison.Ordinal);
            var reference = first["# yaml-language-server: $schema=".Length..];
            var expected = Path.GetFileName(file) == ConfigLoader.SettingsFileName ? ConfigSchemas.SettingsFileName : ConfigSchemas.DatasetFileName;
            Assert.Equal(Path.Combine(SchemasFolder, expected), Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, reference)));
        }
    }

    private const string ValidDataset = """
        dataset: d
        description: orders
        tables:
          - name: t
            source: { path: a/*.csv, format: csv, csv: { header: true } }
            columns:
              - { name: a, type: string, field: A }
            transforms:
              - trim: [a]
            rules:
              - not_null: { column: a }
                severity: warn
            validation: { min_rows: 1 }
        """;

    [Theory]
    [InlineData("description: orders", "descripton: orders")]
    [InlineData("- name: t", "- name: t\n    partition: [a]")]
    [InlineData("header: true", "headers: true")]
    [InlineData("field: A", "feild: A")]
    [InlineData("- trim: [a]", "- trimm: [a]")]
    [InlineData("not_null: { column: a }", "not_null: { column: a, colum: b }")]
    [InlineData("severity: warn", "severty: warn")]
    [InlineData("min_rows: 1", "min_row: 1")]
    public void DatasetSchema_UnknownKey_IsRejected(string written, string typo)
    {
        var yaml = ValidDataset.Replace(written, typo, StringComparison.Ordinal);

        Assert.Empty(SchemaCheck.Errors(ConfigSchemas.Dataset(), ValidDataset));
        Assert.NotEqual(ValidDataset, yaml);
        Assert.NotEmpty(SchemaCheck.Errors(ConfigSchemas.Dataset(), yaml));
    }

    [Fact]
    public void SettingsSchema_UnknownKey_IsRejected()
    {
        const string Valid = "environments:\n  local:\n    lake_root: ./lake\n    raw_root: ./raw\n    duckdb: { threads: 2 }\n";

        Assert.Empty(SchemaCheck.Errors(ConfigSchemas.Settings(), Valid));
        Assert.NotEmpty(SchemaCheck.Errors(ConfigSchemas.Settings(), Valid.Replace("threads", "thread", StringComparison.Ordinal)));
        Assert.NotEmpty(SchemaCheck.Errors(ConfigSchemas.Settings(), Valid + "default_enviroment: local\n"));
    }

    [Fact]
    public void DatasetSchema_RuleWithTwoKinds_IsRejected() =>
        Assert.NotEmpty(SchemaCheck.Errors(ConfigSchemas.Dataset(),
            "dataset: d\ntables:\n  - name: t\n    source: { path: a, format: csv }\n    columns: [{ name: a, type: string }]\n    rules:\n      - { not_null: { column: a }, unique: { columns: [a] } }\n"));

    /// <summary>Where the loader reads a closed mapping, the YAML that puts an unknown key there, and the schema object for it.</summary>
    public static TheoryData<string, string, string> DatasetObjects()
    {
        var data = new TheoryData<string, string, string>
        {
            { "the dataset file", $"dataset: d\n{Probe}: 1\n", "" },
            { "a table", $"dataset: d\ntables:\n  - {{ {Probe}: 1 }}\n", "definitions/table" },
            { "source", $"dataset: d\ntables:\n  - source: {{ {Probe}: 1 }}\n", "definitions/source" },
            { "csv", $"dataset: d\ntables:\n  - source: {{ format: csv, csv: {{ {Probe}: 1 }} }}\n", "definitions/csv" },
            { "a column", $"dataset: d\ntables:\n  - columns: [{{ {Probe}: 1 }}]\n", "definitions/column" },
            { "validation", $"dataset: d\ntables:\n  - validation: {{ {Probe}: 1 }}\n", "definitions/validation" },
        };
        foreach (var (kind, _) in KindShapes.TransformKinds())
        {
            data.Add($"transform {kind}", $"dataset: d\ntables:\n  - transforms: [{{ {kind}: {{ {Probe}: 1 }} }}]\n", $"definitions/transform/properties/{kind}");
        }

        foreach (var (kind, _) in KindShapes.RuleKinds())
        {
            data.Add($"rule {kind}", $"dataset: d\ntables:\n  - rules: [{{ {kind}: {{ {Probe}: 1 }} }}]\n", $"definitions/rule/properties/{kind}");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DatasetObjects))]
    public void DatasetSchemaObject_HasTheKeysTheLoaderAccepts(string what, string yaml, string pointer)
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "d.yaml");
        File.WriteAllText(path, yaml);

        var loaderKeys = AllowedKeys(() => ConfigLoader.LoadDataset(path));

        Assert.Equal($"{what}: {string.Join(", ", loaderKeys)}", $"{what}: {string.Join(", ", SchemaKeys(ConfigSchemas.Dataset(), pointer))}");
    }

    public static TheoryData<string, string, string> SettingsObjects() => new()
    {
        { "medallion.yaml", $"environments: {{}}\n{Probe}: 1\n", "" },
        { "an environment", $"environments:\n  local: {{ {Probe}: 1 }}\n", "definitions/environment" },
        { "duckdb", $"environments:\n  local: {{ duckdb: {{ {Probe}: 1 }} }}\n", "definitions/duckdb" },
        { "aws", $"environments:\n  local: {{ aws: {{ {Probe}: 1 }} }}\n", "definitions/aws" },
    };

    [Theory]
    [MemberData(nameof(SettingsObjects))]
    public void SettingsSchemaObject_HasTheKeysTheLoaderAccepts(string what, string yaml, string pointer)
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, ConfigLoader.SettingsFileName);
        File.WriteAllText(path, yaml);

        var loaderKeys = AllowedKeys(() => ConfigLoader.LoadSettings(path));

        Assert.Equal($"{what}: {string.Join(", ", loaderKeys)}", $"{what}: {string.Join(", ", SchemaKeys(ConfigSchemas.Settings(), pointer))}");
    }

    /// <summary>
    /// The keys the loader lists when it meets the probe key (empty when it reads no closed mapping
    /// there, e.g. a transform written as a list of columns).
    /// </summary>
    private static List<string> AllowedKeys(Action load)
    {
        var error = Assert.Throws<ConfigurationException>(load);
        var unknown = error.Errors.Select(e => e.Message).FirstOrDefault(m => m.StartsWith($"unknown key `{Probe}`", StringComparison.Ordinal));
        const string Marker = "allowed keys are: ";
        return unknown is null ? [] : [.. unknown[(unknown.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..].Split(", ").Order(StringComparer.Ordinal)];
    }

    /// <summary>The property names of a closed object of the schema (empty when it is not one).</summary>
    private static List<string> SchemaKeys(string schemaText, string pointer)
    {
        JsonNode node = SchemaCheck.Parsed(schemaText);
        foreach (var part in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node[part]!;
        }

        return node["additionalProperties"] is JsonValue closed && !closed.GetValue<bool>() && node["properties"] is JsonObject properties
            ? [.. properties.Select(p => p.Key).Order(StringComparer.Ordinal)]
            : [];
    }
}
