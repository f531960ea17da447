using DuckDB.NET.Data;

namespace Medallion.Delta.Tests;

/// <summary>Small DuckDB helpers for assertions; row data stays in DuckDB.</summary>
internal static class DuckDbTestHelper
{
    public static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        return connection;
    }

    public static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static object? Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public static long Count(DuckDBConnection connection, string sql) => Convert.ToInt64(Scalar(connection, sql), System.Globalization.CultureInfo.InvariantCulture);

    public static string Literal(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";
}
