using Medallion.Jobs.Config;

namespace Medallion.Jobs.Sql;

/// <summary>
/// The Glue/Athena names of a lake's tables, the one rule for everything that registers or
/// queries them (<c>medallion athena ddl</c>, the deploy template's Glue tables).
/// </summary>
/// <remarks>
/// Dataset and table names are <c>[a-z][a-z0-9_]*</c>, so a single underscore between them would
/// be ambiguous (<c>a_b</c> + <c>c</c> against <c>a</c> + <c>b_c</c>); a double one keeps the
/// names of different tables apart, and all of them fit Glue's lowercase, digits and underscores.
/// </remarks>
public static class CatalogNames
{
    /// <summary>The database of an environment: <c>aws.glue_database</c>, or <c>medallion_{environment}</c> (<c>-</c> becomes <c>_</c>).</summary>
    public static string Database(EnvironmentSpec environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.Aws?.GlueDatabase ?? "medallion_" + environment.Name.Replace('-', '_');
    }

    /// <summary>The promoted silver table (<c>current/</c>): <c>{dataset}__{table}</c>.</summary>
    public static string Table(string dataset, string table) => $"{dataset}__{table}";

    /// <summary>The quarantine table: <c>{dataset}__{table}__quarantine</c>.</summary>
    public static string QuarantineTable(string dataset, string table) => Table(dataset, table) + "__quarantine";
}
