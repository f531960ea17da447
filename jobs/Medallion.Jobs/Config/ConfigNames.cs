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
    /// <param name="readsField">
    /// For a bronze column: whether it already reads its value with <c>field:</c>. A source name that
    /// is no identifier (<c>order id</c>, <c>unit-price</c>, <c>a.b</c>) is kept by <c>field:</c>, and
    /// the message says so; null for a name the transforms give (derive, rename), which reads no field.
    /// </param>
    public static void CheckColumn(ConfigReader reader, YamlDotNet.RepresentationModel.YamlNode node, string name, bool? readsField = null)
    {
        if (!Column().IsMatch(name))
        {
            var suggestion = Identifier(name);
            var fix = readsField switch
            {
                false => $"; name it {suggestion} and read it with field: \"{name.Replace("\"", "\\\"", StringComparison.Ordinal)}\"",
                true => $"; name it {suggestion} (its `field:` reads the source name)",
                null => $"; name it {suggestion}",
            };
            var why = NotIdentifier().IsMatch(name) ? " is not an identifier" : " is invalid";
            reader.Error(node, $"column name `{name}`{why}{fix} (column names match {ColumnPattern})");
        }
        else if (name.StartsWith('_'))
        {
            // Lineage columns (_run_key, _source_file, ...) own the underscore prefix.
            reader.Error(node, $"column name `{name}` starts with `_`, which is reserved for lineage columns such as _run_key");
        }
    }

    /// <summary>
    /// A column name close to <paramref name="name"/>: runs of characters outside <c>[A-Za-z0-9_]</c>
    /// become one <c>_</c> (<c>order id</c> → <c>order_id</c>, <c>title.rendered</c> → <c>title_rendered</c>),
    /// a leading digit or underscore gets a <c>c</c> in front, and it is cut to the longest name allowed.
    /// </summary>
    public static string Identifier(string name)
    {
        var text = NotIdentifierRun().Replace(name, "_").Trim('_');
        if (text.Length == 0 || !char.IsAsciiLetter(text[0]))
        {
            text = "c" + (text.Length == 0 || text[0] == '_' ? text : "_" + text);
        }

        return text.Length > 128 ? text[..128] : text;
    }

    public static bool IsEnvironment(string name) => Environment().IsMatch(name);

    public static bool IsSchemaVersion(string text) => SchemaVersion().IsMatch(text);

    [GeneratedRegex(@"^[a-z][a-z0-9_]{0,62}\z")]
    private static partial Regex DatasetOrTable();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]{0,127}\z")]
    private static partial Regex Column();

    [GeneratedRegex(@"[^A-Za-z0-9_]+")]
    private static partial Regex NotIdentifierRun();

    [GeneratedRegex(@"[^A-Za-z0-9_]")]
    private static partial Regex NotIdentifier();

    [GeneratedRegex(@"^[a-z][a-z0-9_-]{0,31}\z")]
    private static partial Regex Environment();

    [GeneratedRegex(@"^v[0-9]{1,9}\z")]
    private static partial Regex SchemaVersion();
}
