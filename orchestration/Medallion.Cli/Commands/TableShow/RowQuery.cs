using System.Data.Common;
using System.Globalization;
using DuckDB.NET.Data;
using Medallion.Delta;
using Medallion.Jobs.Engine.DuckDb;
using Medallion.Jobs.Sql;

namespace Medallion.Cli.Commands.TableShow;

/// <summary>
/// Reads rows of one Delta snapshot whose files are local (the table folder, or a staged copy)
/// with DuckDB: the snapshot is the view <c>t</c>, then the connection may read only that folder
/// and its settings are locked, so a <c>--where</c> fragment cannot reach other files.
/// A quarantine's rows come with the rules they broke first.
/// </summary>
internal sealed class RowQuery : IDisposable
{
    // The lake's lineage columns (docs/architecture.md, "Lake layout"), as every Delta reader sees them.
    private const string RuleFailures = "_rule_failures";
    private const string Malformed = "_malformed";
    private const string RunKeyColumn = "_run_key";

    private readonly DuckDBConnection _connection;
    private readonly IReadOnlyList<string> _columns;
    private bool _userCondition;

    private RowQuery(DuckDBConnection connection, IReadOnlyList<string> columns)
    {
        _connection = connection;
        _columns = columns;
    }

    /// <summary>The columns the table has, in the order rows are shown.</summary>
    public IReadOnlyList<string> Columns => _columns;

    /// <summary>Exposes <paramref name="snapshot"/>, whose files are below <paramref name="tableDirectory"/>, and locks the connection to them.</summary>
    public static RowQuery Open(DeltaSnapshot snapshot, string tableDirectory)
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        try
        {
            connection.Open();
            Execute(connection, "SET TimeZone = 'UTC'");
            DuckDbSnapshotReader.CreateView(connection, snapshot, tableDirectory, "t");
            var folder = Path.GetFullPath(tableDirectory);
            Execute(connection, $"SET allowed_directories = [{DuckDbDialect.Instance.StringLiteral(folder)}]");
            Execute(connection, "SET enable_external_access = false");
            Execute(connection, "SET lock_configuration = true");
            var names = snapshot.Metadata.Schema.Fields.Select(f => f.Name).ToList();
            return new RowQuery(connection, [.. ShownFirst.Where(names.Contains), .. names.Where(n => !ShownFirst.Contains(n))]);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The query <c>table show</c> runs: the chosen columns, the checked condition, newest run and input order first, the limit.</summary>
    /// <exception cref="ArgumentException">An unknown column, or a <c>--where</c> that is not one condition.</exception>
    /// <param name="runKey">Only this run's rows, when the table has a <c>_run_key</c> column.</param>
    public string Select(IReadOnlyList<string> columns, string? where, string? runKey, int limit)
    {
        var unknown = columns.Where(c => !_columns.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"No column {string.Join(", ", unknown.Select(c => $"'{c}'"))} in this table. Columns: {string.Join(", ", _columns)}.");
        }

        if (where is not null)
        {
            WhereFragment.Check(where);
            _userCondition = true;
        }

        var conditions = new List<string>();
        if (runKey is not null && _columns.Contains(RunKeyColumn))
        {
            conditions.Add($"{Quote(RunKeyColumn)} = {DuckDbDialect.Instance.StringLiteral(Jobs.Lake.RunKey.Validate(runKey))}");
        }

        if (where is not null)
        {
            conditions.Add($"({where})");
        }

        var shown = columns.Count > 0 ? columns : _columns;
        var order = OrderedBy.Where(o => _columns.Contains(o.Column)).Select(o => Quote(o.Column) + o.Direction).ToList();
        return $"SELECT {string.Join(", ", shown.Select(Quote))} FROM t" +
            (conditions.Count == 0 ? "" : $" WHERE {string.Join(" AND ", conditions)}") +
            (order.Count > 0 ? $" ORDER BY {string.Join(", ", order)}" : "") +
            string.Create(CultureInfo.InvariantCulture, $" LIMIT {limit}");
    }

    /// <summary>The rows of <paramref name="select"/> as text (null for SQL NULL), with their column names.</summary>
    public (IReadOnlyList<string> Names, IReadOnlyList<string?[]> Rows) Text(string select, CancellationToken cancellationToken) => Read(() =>
    {
        // Every value is rendered by DuckDB (decimals, timestamps, lists), so the terminal, CSV and DuckDB agree.
        using var command = Command($"SELECT CAST(COLUMNS(*) AS VARCHAR) FROM ({select}) AS q", cancellationToken, out var registration);
        using (registration)
        using (var reader = command.ExecuteReader())
        {
            var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            var rows = new List<string?[]>();
            while (reader.Read())
            {
                rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetString(i))]);
            }

            return ((IReadOnlyList<string>)names, (IReadOnlyList<string?[]>)rows);
        }
    });

    /// <summary>Each row of <paramref name="select"/> as a JSON object, typed by DuckDB (<c>to_json</c>).</summary>
    public IReadOnlyList<string> Json(string select, CancellationToken cancellationToken) => Read<IReadOnlyList<string>>(() =>
    {
        using var command = Command($"SELECT CAST(to_json(q) AS VARCHAR) FROM ({select}) AS q", cancellationToken, out var registration);
        using (registration)
        using (var reader = command.ExecuteReader())
        {
            var rows = new List<string>();
            while (reader.Read())
            {
                rows.Add(reader.GetString(0));
            }

            return rows;
        }
    });

    public void Dispose() => _connection.Dispose();

    /// <summary>A quarantined row is read for why it was rejected: the broken rules, then the reason it was malformed.</summary>
    private static readonly string[] ShownFirst = [RuleFailures, Malformed];

    /// <summary>Newest run first, then the order the input had (bronze and quarantine carry both).</summary>
    private static readonly (string Column, string Direction)[] OrderedBy =
        [(RunKeyColumn, " DESC"), ("_source_file", ""), ("_record_number", "")];

    private static string Quote(string column) => DuckDbDialect.Instance.Identifier(column);

    private DuckDBCommand Command(string sql, CancellationToken cancellationToken, out CancellationTokenRegistration registration)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        registration = cancellationToken.Register(command.Cancel);
        return command;
    }

    /// <summary>Runs <paramref name="read"/>; DuckDB's refusal of a <c>--where</c> (an unknown column, a file outside the table) is a usage error.</summary>
    private T Read<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (DbException error) when (_userCondition)
        {
            throw new ArgumentException($"--where cannot run: {error.Message}", error);
        }
        catch (DbException error)
        {
            throw new MedallionException($"DuckDB could not read the table: {error.Message}", error);
        }
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
