using System.Data.Common;
using System.Diagnostics;
using DuckDB.NET.Data;
using Medallion.Jobs.Config;
using Medallion.Jobs.Sql;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>
/// One in-process DuckDB database for a step, configured from the environment: memory bounded
/// by <c>memory_limit</c>, spilling to <c>temp_directory</c>, clock in UTC, and confined to the
/// step's own files (<see cref="DuckDbSandbox"/>): whatever SQL it is handed, it reads and writes
/// only below the sandbox's folders and the temp directory, attaches, installs and loads nothing,
/// and cannot change those settings back. Calls are synchronous (DuckDB runs on the caller's
/// thread); a cancellation token cancels the running statement.
/// </summary>
public sealed class DuckDbSession : IDisposable
{
    /// <summary>Set to 1 to print each statement's wall-clock time on stderr (how docs/BENCHMARKS.md profiles a run).</summary>
    public const string TraceVariable = "MEDALLION_TRACE_SQL";

    private static readonly bool Trace = Environment.GetEnvironmentVariable(TraceVariable) == "1";
    private readonly DuckDBConnection _connection;
    private readonly Action<string>? _onStatement;

    /// <param name="settings">The environment's DuckDB settings.</param>
    /// <param name="sandbox">The folders and files the step may touch; the temp directory is added.</param>
    /// <param name="onStatement">Sees every statement this session sends after its settings, as sent (tests compare them with the printed plan).</param>
    public DuckDbSession(DuckDbSpec settings, DuckDbSandbox sandbox, Action<string>? onStatement = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(sandbox);
        Directory.CreateDirectory(settings.TempDirectory);
        _connection = new DuckDBConnection("DataSource=:memory:");
        _connection.Open();
        Execute($"SET memory_limit = {DuckDbDialect.Instance.StringLiteral(settings.MemoryLimit)}");
        Execute($"SET temp_directory = {DuckDbDialect.Instance.StringLiteral(Path.GetFullPath(settings.TempDirectory))}");
        Execute("SET TimeZone = 'UTC'");
        // Row order only matters where raw records get their numbers (see InInputOrder); elsewhere
        // keeping it costs parallel COPYs and aggregates time and memory for nothing.
        Execute("SET preserve_insertion_order = false");
        if (settings.Threads is { } threads)
        {
            Execute($"SET threads = {threads}");
        }

        // Last: the sandbox locks the configuration, so every setting above is final.
        foreach (var statement in (sandbox with { Directories = [.. sandbox.Directories, settings.TempDirectory] }).Statements())
        {
            Execute(statement);
        }

        _onStatement = onStatement;
    }

    public DuckDBConnection Connection => _connection;

    /// <summary>Runs a statement and returns the number of rows it changed.</summary>
    public int Execute(string sql, CancellationToken cancellationToken = default)
    {
        using var command = CreateCommand(sql);
        using var registration = cancellationToken.Register(command.Cancel);
        var clock = Stopwatch.StartNew();
        try
        {
            return command.ExecuteNonQuery();
        }
        catch (DbException error)
        {
            throw Translate(error, cancellationToken);
        }
        finally
        {
            Report(sql, clock);
        }
    }

    /// <summary>
    /// Runs <paramref name="load"/> with DuckDB keeping insertion order, so that rows inserted from
    /// files get row ids in file order: <c>_record_number</c> comes from them, and it decides which row
    /// of a repeated key is "first".
    /// </summary>
    public void InInputOrder(Action load)
    {
        ArgumentNullException.ThrowIfNull(load);
        Execute("SET preserve_insertion_order = true");
        try
        {
            load();
        }
        finally
        {
            Execute("SET preserve_insertion_order = false");
        }
    }

    /// <summary>Runs a query and maps every result row (small results only: counts, file lists, stats).</summary>
    public IReadOnlyList<T> Query<T>(string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken = default)
    {
        using var command = CreateCommand(sql);
        using var registration = cancellationToken.Register(command.Cancel);
        var clock = Stopwatch.StartNew();
        try
        {
            using var reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read())
            {
                rows.Add(map(reader));
            }

            return rows;
        }
        catch (DbException error)
        {
            throw Translate(error, cancellationToken);
        }
        finally
        {
            Report(sql, clock);
        }
    }

    /// <summary>Runs a query that returns one number.</summary>
    public long Scalar(string sql, CancellationToken cancellationToken = default) =>
        Query(sql, r => r.IsDBNull(0) ? 0L : Convert.ToInt64(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), cancellationToken)[0];

    public void Dispose() => _connection.Dispose();

    /// <summary>A cancelled statement is a cancellation; anything else DuckDB reports is an engine error.</summary>
    private static Exception Translate(DbException error, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested
            ? new OperationCanceledException(cancellationToken)
            : new DuckDbEngineException($"DuckDB: {error.Message}", error);

    private static void Report(string sql, Stopwatch clock)
    {
        if (Trace)
        {
            var statement = string.Join(' ', sql.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
            Console.Error.WriteLine($"[duckdb {clock.Elapsed.TotalSeconds,7:0.000}s] {(statement.Length > 160 ? statement[..160] + "…" : statement)}");
        }
    }

    private DuckDBCommand CreateCommand(string sql)
    {
        _onStatement?.Invoke(sql);
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
