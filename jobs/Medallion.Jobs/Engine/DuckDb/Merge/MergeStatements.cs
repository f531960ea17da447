using System.Globalization;
using Medallion.Jobs.Config;
using Medallion.Jobs.Plan;

namespace Medallion.Jobs.Engine.DuckDb.Merge;

/// <summary>
/// The SQL of a merge promotion, one statement per step; <see cref="DuckDbMerge"/> runs them and
/// <c>medallion plan</c> prints them. Every row stays in DuckDB: .NET only sees counts and file names.
/// </summary>
/// <param name="Key">The primary key columns.</param>
/// <param name="Merge">The order column and tombstone condition.</param>
/// <param name="Columns">The silver columns in table order (what the written files hold).</param>
/// <param name="PartitionColumns">The table's partition columns.</param>
/// <param name="FileRows">Most rows per written file and partition.</param>
internal sealed record MergeStatements(
    IReadOnlyList<string> Key, MergeSpec Merge, IReadOnlyList<string> Columns, IReadOnlyList<string> PartitionColumns, long FileRows)
{
    /// <summary>The run's rows (a view over its staged files).</summary>
    public const string RunView = "merge_run";

    /// <summary>The rows of the candidate files of <c>current/</c>, with <see cref="FileColumn"/>.</summary>
    public const string CurrentView = "merge_current";

    /// <summary>The rows of the files the merge rewrites.</summary>
    public const string TouchedView = "merge_touched";

    /// <summary>Each candidate file's bounds per key column.</summary>
    public const string BoundsTable = "merge_file_bounds";

    /// <summary>The file a row of <see cref="CurrentView"/> came from.</summary>
    public const string FileColumn = "__file";

    private const string RunKeys = "merge_run_keys";
    private const string Rows = "merge_rows";
    private const string Keys = "merge_keys";
    private const string Output = "merge_output";

    /// <summary>Rows of the run with a null key column: a key must be whole to match.</summary>
    public string NullKeys => $"SELECT count(*) FROM {RunView} WHERE {string.Join(" OR ", Key.Select(k => $"{Q(k)} IS NULL"))}";

    /// <summary>The run's distinct keys.</summary>
    public string RunKeyTable => $"CREATE OR REPLACE TEMP TABLE {RunKeys} AS SELECT DISTINCT {KeyList()} FROM {RunView}";

    /// <summary>The bounds table (filled by <see cref="FileBounds"/>): a path, then a low and high bound per key column.</summary>
    public string BoundsTableOf(IReadOnlyList<string> keyTypes) =>
        $"CREATE OR REPLACE TEMP TABLE {BoundsTable} (path VARCHAR, " +
        string.Join(", ", Key.Select((_, i) => $"lo_{i} {keyTypes[i]}, hi_{i} {keyTypes[i]}")) + ")";

    /// <summary>
    /// The candidate files: those whose bounds are unknown, and those whose bounds hold at least one
    /// key of the run (a range semi-join, so its cost follows the run's keys and the file count, not the rows).
    /// </summary>
    public string Candidates =>
        $"SELECT path FROM {BoundsTable} WHERE {string.Join(" OR ", Key.Select((_, i) => $"lo_{i} IS NULL OR hi_{i} IS NULL"))} " +
        $"UNION SELECT b.path FROM {BoundsTable} b SEMI JOIN {RunKeys} k ON " +
        string.Join(" AND ", Key.Select((k, i) => $"k.{Q(k)} >= b.lo_{i} AND k.{Q(k)} <= b.hi_{i}"));

    /// <summary>
    /// The run's rows and the candidate rows of its keys, each ranked within its key: the larger
    /// <c>order_by</c> first (nulls last), then the run before <c>current/</c>, then the later raw file.
    /// </summary>
    public string RowsTable
    {
        get
        {
            var order = new List<string>();
            if (Merge.OrderBy is { } orderBy)
            {
                order.Add($"{Q(orderBy)} DESC NULLS LAST");
            }

            order.Add("__origin DESC");
            order.Add($"{Q(LineageColumns.SourceFile)} DESC NULLS LAST");
            return $"CREATE OR REPLACE TEMP TABLE {Rows} AS SELECT *, rank() OVER w AS __rank, row_number() OVER w AS __pick FROM (" +
                $"SELECT *, 1 AS __origin, CAST(NULL AS VARCHAR) AS {FileColumn} FROM {RunView} " +
                $"UNION ALL BY NAME SELECT c.*, 0 AS __origin FROM {CurrentView} c SEMI JOIN {RunKeys} k ON {KeyMatch("c", "k")}) " +
                $"WINDOW w AS (PARTITION BY {KeyList()} ORDER BY {string.Join(", ", order)})";
        }
    }

    /// <summary>Up to three keys for which two different rows of the run tie for newest: the merge cannot choose, so it refuses.</summary>
    public string Ties =>
        $"SELECT concat_ws(', ', {string.Join(", ", Key.Select(k => $"CAST({Q(k)} AS VARCHAR)"))}) FROM " +
        $"(SELECT DISTINCT {string.Join(", ", Columns.Select(Q))} FROM {Rows} WHERE __rank = 1 AND __origin = 1) " +
        $"GROUP BY {KeyList()} HAVING count(*) > 1 ORDER BY 1 LIMIT 3";

    /// <summary>Each key's outcome: whether <c>current/</c> holds it, whether the run's row wins, and whether that row is a tombstone.</summary>
    public string KeysTable =>
        $"CREATE OR REPLACE TEMP TABLE {Keys} AS SELECT {KeyList()}, bool_or(__origin = 0) AS __in_current, " +
        "bool_or(__pick = 1 AND __origin = 1) AS __run_wins, " +
        $"bool_or(__pick = 1 AND __origin = 1 AND coalesce(({Merge.DeleteWhen ?? "false"}), false)) AS __tombstone " +
        $"FROM {Rows} GROUP BY {KeyList()}";

    /// <summary>Keys inserted, updated and deleted.</summary>
    public string Counts =>
        "SELECT count(*) FILTER (__run_wins AND NOT __in_current AND NOT __tombstone), " +
        "count(*) FILTER (__run_wins AND __in_current AND NOT __tombstone), " +
        $"count(*) FILTER (__run_wins AND __in_current AND __tombstone) FROM {Keys}";

    /// <summary>The files that hold a key the run changes (updates or deletes): the ones the commit removes and rewrites.</summary>
    public string Touched =>
        $"SELECT DISTINCT r.{FileColumn} FROM {Rows} r SEMI JOIN (SELECT {KeyList()} FROM {Keys} WHERE __run_wins AND __in_current) c " +
        $"ON {KeyMatch("r", "c")} WHERE r.__origin = 0 ORDER BY 1";

    /// <summary>
    /// What the new files hold: the touched files' rows of unchanged keys, and the run's winning rows
    /// that are not tombstones, numbered into buckets of <see cref="FileRows"/> by key within each partition.
    /// </summary>
    public string OutputTable
    {
        get
        {
            var partitions = PartitionColumns.Count == 0 ? "" : $"PARTITION BY {string.Join(", ", PartitionColumns.Select(Q))} ";
            return $"CREATE OR REPLACE TEMP TABLE {Output} AS SELECT *, " +
                $"(row_number() OVER ({partitions}ORDER BY {KeyList()}) - 1) // {FileRows.ToString(CultureInfo.InvariantCulture)} AS __bucket FROM (" +
                $"SELECT t.* FROM {TouchedView} t ANTI JOIN (SELECT {KeyList()} FROM {Keys} WHERE __run_wins AND __in_current) c ON {KeyMatch("t", "c")} " +
                $"UNION ALL BY NAME SELECT r.* EXCLUDE (__origin, {FileColumn}, __rank, __pick) FROM {Rows} r " +
                $"SEMI JOIN (SELECT {KeyList()} FROM {Keys} WHERE NOT __tombstone) k ON {KeyMatch("r", "k")} WHERE r.__pick = 1 AND r.__origin = 1)";
        }
    }

    /// <summary>The buckets to write, one COPY each.</summary>
    public string Buckets => $"SELECT DISTINCT __bucket FROM {Output} ORDER BY 1";

    /// <summary>The rows of one bucket, in the table's column order.</summary>
    public string Bucket(long bucket) =>
        $"SELECT {string.Join(", ", Columns.Select(Q))} FROM {Output} WHERE __bucket = {bucket.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Frees the intermediate tables.</summary>
    public IReadOnlyList<string> Cleanup => [.. new[] { Output, Keys, Rows, RunKeys, BoundsTable }.Select(t => $"DROP TABLE IF EXISTS {t}")];

    private string KeyList() => string.Join(", ", Key.Select(Q));

    private string KeyMatch(string left, string right) => string.Join(" AND ", Key.Select(k => $"{left}.{Q(k)} = {right}.{Q(k)}"));

    private static string Q(string name) => DuckDbSql.Identifier(name);
}
