using System.Text.RegularExpressions;

namespace Medallion.Jobs.Config;

/// <summary>
/// The name patterns of docs/configuration.md, checked in one place. The compiled patterns end in
/// <c>\z</c> rather than <c>$</c>, which would also accept a trailing newline.
/// </summary>
internal static partial class ConfigNames
{
    public const string DatasetOrTablePattern = "^[a-z][a-z0-9_]{0,62}$";
    public const string ColumnPattern = "^[A-Za-z_][A-Za-z0-9_]{0,127}$";
    public const string EnvironmentPattern = "^[a-z][a-z0-9_-]{0,31}$";
    public const string SchemaVersionPattern = "^v[0-9]{1,9}$";

    /// <summary>Reports a dataset or table name that does not match its pattern.</summary>
    public static void CheckDatasetOrTable(ConfigReader reader, YamlDotNet.RepresentationModel.YamlNode node, string kind, string name)
    {
        if (!DatasetOrTable().IsMatch(name))
        {
            reader.Error(node, $"{kind} name `{name}` is invalid; expected {DatasetOrTablePattern} (lower case, digits, underscores)");
        }
    }

    /// <summary>Reports a column name that does not match its pattern or is reserved.</summary>
    public static void CheckColumn(ConfigReader reader, YamlDotNet.RepresentationModel.YamlNode node, string name)
    {
        if (!Column().IsMatch(name))
        {
            reader.Error(node, $"column name `{name}` is invalid; expected {ColumnPattern}");
        }
        else if (name.StartsWith('_'))
        {
            // Lineage columns (_run_key, _source_file, ...) own the underscore prefix.
            reader.Error(node, $"column name `{name}` starts with `_`, which is reserved for lineage columns such as _run_key");
        }
    }

    public static bool IsEnvironment(string name) => Environment().IsMatch(name);

    public static bool IsSchemaVersion(string text) => SchemaVersion().IsMatch(text);

    [GeneratedRegex(@"^[a-z][a-z0-9_]{0,62}\z")]
    private static partial Regex DatasetOrTable();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]{0,127}\z")]
    private static partial Regex Column();

    [GeneratedRegex(@"^[a-z][a-z0-9_-]{0,31}\z")]
    private static partial Regex Environment();

    [GeneratedRegex(@"^v[0-9]{1,9}\z")]
    private static partial Regex SchemaVersion();
}
