using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using Medallion.Jobs.Sql;

namespace Medallion.Cli.Commands.TableShow;

/// <summary>
/// The one gate a <c>--where</c> fragment passes before it reaches DuckDB: no <c>;</c>, and DuckDB's
/// own parser must read <c>SELECT * FROM t WHERE (fragment)</c> as that same query with only its
/// WHERE clause changed, so the fragment cannot close the parenthesis and add a clause, a union or
/// a statement. What the expression may read is limited by the connection (<see cref="RowQuery"/>:
/// external access only to the table's files), not here.
/// </summary>
internal static class WhereFragment
{
    private const string Shape = "SELECT * FROM t WHERE ({0})";

    /// <exception cref="ArgumentException">The fragment is not one SQL expression.</exception>
    public static void Check(DuckDBConnection connection, string fragment)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (string.IsNullOrWhiteSpace(fragment))
        {
            throw new ArgumentException("--where is empty; give a SQL condition such as \"currency = 'EUR'\".");
        }

        if (fragment.Contains(';', StringComparison.Ordinal))
        {
            throw new ArgumentException($"--where must be one SQL condition without ';', found: {fragment}");
        }

        var given = Parse(connection, string.Format(System.Globalization.CultureInfo.InvariantCulture, Shape, fragment), fragment);
        var plain = Parse(connection, string.Format(System.Globalization.CultureInfo.InvariantCulture, Shape, "TRUE"), fragment);
        if (!JsonNode.DeepEquals(WithoutWhere(given), WithoutWhere(plain)))
        {
            throw new ArgumentException($"--where must be one SQL condition (it may not end the WHERE clause or add clauses), found: {fragment}");
        }
    }

    private static JsonNode Parse(DuckDBConnection connection, string sql, string fragment)
    {
        using var command = connection.CreateCommand();
        // json_serialize_sql takes a constant, not a parameter; the literal is escaped like every literal the engine writes.
        command.CommandText = $"SELECT json_serialize_sql({DuckDbDialect.Instance.StringLiteral(sql)})";
        var tree = JsonNode.Parse((string)command.ExecuteScalar()!)!;
        if (tree["error"]?.GetValue<bool>() == true)
        {
            throw new ArgumentException($"--where is not valid SQL ({tree["error_message"]?.GetValue<string>()}): {fragment}");
        }

        return tree;
    }

    /// <summary>The parse tree with the WHERE clause and source positions taken out: what must not differ.</summary>
    private static JsonNode WithoutWhere(JsonNode tree)
    {
        var copy = tree.DeepClone();
        if (copy["statements"] is JsonArray { Count: 1 } statements && statements[0]?["node"] is JsonObject node)
        {
            node.Remove("where_clause");
        }

        Strip(copy);
        return copy;
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                obj.Remove("query_location");
                foreach (var (_, child) in obj)
                {
                    Strip(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Strip(child);
                }

                break;
        }
    }
}
