namespace Medallion.Orchestration.Catalog;

/// <summary>
/// The statements that register <see cref="CatalogTable"/>s by hand, in the only form Athena
/// accepts for a native Delta table: <c>CREATE EXTERNAL TABLE … LOCATION … TBLPROPERTIES
/// ('table_type'='DELTA')</c>, with no column list and no partitioning (both come from the log).
/// <c>IF NOT EXISTS</c> makes the whole script safe to run again. No comments: Athena runs one
/// statement per query, and a DDL query that starts with a comment is not one it parses reliably.
/// </summary>
public static class AthenaDdl
{
    /// <summary><c>CREATE DATABASE</c> for the tables' database, then one statement per table, each without its semicolon.</summary>
    public static IReadOnlyList<string> Render(IReadOnlyList<CatalogTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var statements = new List<string>();
        foreach (var database in tables.Select(t => t.Database).Distinct(StringComparer.Ordinal))
        {
            statements.Add($"CREATE DATABASE IF NOT EXISTS {Quote(database)}");
        }

        statements.AddRange(tables.Select(table =>
            $"CREATE EXTERNAL TABLE IF NOT EXISTS {Quote(table.Database)}.{Quote(table.Name)}\n" +
            $"LOCATION '{table.Location.Replace("'", "''", StringComparison.Ordinal)}'\n" +
            $"TBLPROPERTIES ('table_type'='{CatalogTable.TableType}')"));
        return statements;
    }

    // Hive DDL quotes names with backticks; locations and properties are plain string literals.
    private static string Quote(string name) => "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";
}
