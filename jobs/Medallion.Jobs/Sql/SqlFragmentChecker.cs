using System.Data.Common;
using DuckDB.NET.Data;
using Medallion.Jobs.Engine.DuckDb;

namespace Medallion.Jobs.Sql;

/// <summary>
/// Checks a user SQL fragment (<c>derive</c>, <c>filter</c>, an <c>expression</c> rule, or later
/// <c>table show --where</c>) with DuckDB's own parser and binder before any of it runs: it must be
/// one expression (no <c>;</c>, no subquery, no table function, no FROM), it must bind against the
/// columns that exist where it is used, and a condition must be true/false. The database it checks
/// in holds no data and may touch no file, so even binding <c>read_csv('/etc/passwd')</c> reads nothing.
/// </summary>
/// <remarks>One DuckDB in-memory database, opened on first use; not thread-safe. Dispose when done.</remarks>
public sealed class SqlFragmentChecker : IDisposable
{
    private readonly Dictionary<string, SqlFragmentProblem?> _shapes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<SqlCall>> _calls = new(StringComparer.Ordinal);
    private DuckDBConnection? _connection;

    /// <summary>Whether <paramref name="fragment"/> is one expression (parsing only, no columns needed); null when it is.</summary>
    public SqlFragmentProblem? CheckShape(string fragment)
    {
        ArgumentNullException.ThrowIfNull(fragment);
        if (string.IsNullOrWhiteSpace(fragment))
        {
            return new SqlFragmentProblem("it is empty; write a SQL expression");
        }

        if (!_shapes.TryGetValue(fragment, out var problem))
        {
            var serialized = Query($"SELECT json_serialize_sql({DuckDbDialect.Instance.StringLiteral(SqlFragmentShape.Probe(fragment))})")[0].Value;
            problem = SqlFragmentShape.Check(fragment, serialized);
            _shapes[fragment] = problem;
            if (problem is null)
            {
                _calls[fragment] = SqlFragmentShape.Calls(fragment, serialized);
            }
        }

        return problem;
    }

    /// <summary>The functions, operators, CASTs and indexes of a fragment that is one expression; empty when it is not.</summary>
    internal IReadOnlyList<SqlCall> Calls(string fragment) =>
        CheckShape(fragment) is null ? _calls[fragment] : [];

    /// <summary>
    /// Checks the shape, then binds <paramref name="fragment"/> in a row of <paramref name="columns"/>
    /// (name → DuckDB type, e.g. <c>BIGINT</c>) the way the engine uses it; null when it is fine.
    /// </summary>
    public SqlFragmentProblem? Check(string fragment, SqlFragmentRole role, IEnumerable<KeyValuePair<string, string>> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (CheckShape(fragment) is { } shape)
        {
            return shape;
        }

        var sql = DuckDbDialect.Instance;
        var definitions = string.Join(", ", columns.Select(c => $"{sql.Identifier(c.Key)} {c.Value}"));
        try
        {
            Execute($"CREATE OR REPLACE TEMP TABLE {SqlFragmentShape.Row} ({definitions})");
            // `*` beside the fragment makes an aggregate (sum(x)) an error, as it is among the engine's other columns.
            var described = Query($"DESCRIBE SELECT *, ({fragment}) AS {SqlFragmentShape.Alias} FROM {SqlFragmentShape.Row}");
            var type = described.Single(r => r.Name == SqlFragmentShape.Alias).Value;
            return role == SqlFragmentRole.Condition && type is not ("BOOLEAN" or "\"NULL\"" or "NULL")
                ? new SqlFragmentProblem($"it must be a condition (true or false), but DuckDB types it {type}")
                : null;
        }
        catch (DbException error)
        {
            return new SqlFragmentProblem($"DuckDB: {EngineMessage(error.Message)}");
        }
    }

    /// <summary>
    /// The value of a constant condition Medallion wrote itself (never user text as is), e.g. whether
    /// two configured bounds are in order once cast like the column; null when it is null.
    /// </summary>
    internal bool? Holds(string condition)
    {
        using var command = Connection().CreateCommand();
        command.CommandText = $"SELECT ({condition})::BOOLEAN";
        return command.ExecuteScalar() is bool value ? value : null;
    }

    public void Dispose() => _connection?.Dispose();

    /// <summary>DuckDB's message without the "LINE 1: …" excerpt of the probe statement, which the user never wrote.</summary>
    private static string EngineMessage(string message)
    {
        var excerpt = message.IndexOf("\n\nLINE ", StringComparison.Ordinal);
        var text = excerpt < 0 ? message : message[..excerpt];
        return string.Join(" ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private DuckDBConnection Connection()
    {
        if (_connection is null)
        {
            _connection = new DuckDBConnection("DataSource=:memory:");
            _connection.Open();
            foreach (var statement in DuckDbSandbox.Nothing.Statements())
            {
                Execute(statement);
            }
        }

        return _connection;
    }

    private void Execute(string statement)
    {
        using var command = Connection().CreateCommand();
        command.CommandText = statement;
        command.ExecuteNonQuery();
    }

    /// <summary>The first two columns of every row, as text.</summary>
    private List<(string Name, string Value)> Query(string statement)
    {
        using var command = Connection().CreateCommand();
        command.CommandText = statement;
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string)>();
        while (reader.Read())
        {
            rows.Add(reader.FieldCount == 1 ? ("", reader.GetString(0)) : (reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }
}
