using DuckDB.NET.Data;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>Quoting and command helpers of <see cref="DuckDbSnapshotReader"/>.</summary>
internal static class DuckDbSql
{
    /// <summary>A double-quoted identifier; embedded double quotes are doubled.</summary>
    public static string Identifier(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    /// <summary>A single-quoted string literal; embedded single quotes are doubled.</summary>
    public static string Literal(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";

    /// <summary>Runs a statement; the token is wired to <see cref="DuckDBCommand.Cancel"/>.</summary>
    public static void Execute(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var registration = cancellationToken.Register(command.Cancel);
        command.ExecuteNonQuery();
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Runs a query and returns every row as object values (for small metadata results only).</summary>
    public static List<object?[]> Query(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var registration = cancellationToken.Register(command.Cancel);
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var index = 0; index < row.Length; index++)
            {
                row[index] = reader.IsDBNull(index) ? null : reader.GetValue(index);
            }

            rows.Add(row);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return rows;
    }
}
