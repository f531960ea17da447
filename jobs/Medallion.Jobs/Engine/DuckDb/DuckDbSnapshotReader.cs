using System.Text;
using DuckDB.NET.Data;
using Medallion.Delta;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>
/// Exposes a <see cref="DeltaSnapshot"/> to DuckDB as a temp view that returns exactly the
/// snapshot's rows, with the schema's columns and types. Row data never passes through .NET.
/// </summary>
/// <remarks>
/// Partition columns come from each add's <c>partitionValues</c> (never from directory names,
/// so <c>hive_partitioning</c> is off); a column missing from older files reads as null
/// (<c>union_by_name</c>); zero live files give an empty view with the right column types.
/// Files at absolute URIs other than <c>file:</c> throw <see cref="DeltaUnsupportedFeatureException"/>:
/// stage them locally first.
/// </remarks>
public static class DuckDbSnapshotReader
{
    private const string FileColumn = "__medallion_file";

    /// <summary>Creates or replaces the temp view <paramref name="viewName"/>.</summary>
    /// <param name="connection">An open DuckDB connection; the view lives in its temp schema.</param>
    /// <param name="snapshot">The snapshot to expose.</param>
    /// <param name="tableDirectory">The local folder that holds the table (its <c>_delta_log</c> parent).</param>
    /// <param name="viewName">The view name (quoted, so any name works).</param>
    /// <param name="partitionTimeZone">
    /// The zone of <c>timestamp</c> partition values written without one (<c>2021-09-08 11:11:11</c>):
    /// the protocol says the writing system's zone, which the log does not record. Defaults to UTC,
    /// which is what Medallion and Spark on EMR write; ISO values ending in <c>Z</c> are always UTC.
    /// </param>
    /// <param name="files">Only these live files (e.g. the ones staged locally); default: every live file.</param>
    /// <param name="cancellationToken">Cancels the DuckDB statements.</param>
    public static void CreateView(
        DuckDBConnection connection,
        DeltaSnapshot snapshot,
        string tableDirectory,
        string viewName,
        string partitionTimeZone = "UTC",
        IReadOnlyList<AddFile>? files = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(partitionTimeZone);
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentException.ThrowIfNullOrEmpty(tableDirectory);
        ArgumentException.ThrowIfNullOrEmpty(viewName);

        var live = files ?? snapshot.Files;
        var select = live.Count == 0 ? EmptySelect(snapshot, fileColumn: null) : FilesSelect(connection, snapshot, live, tableDirectory, partitionTimeZone, fileColumn: null, cancellationToken);
        DuckDbSql.Execute(connection, $"CREATE OR REPLACE TEMP VIEW {DuckDbSql.Identifier(viewName)} AS {select}", cancellationToken);
    }

    /// <summary>
    /// Like <see cref="CreateView"/> for <paramref name="files"/>, with one more column,
    /// <paramref name="fileColumn"/>, holding each row's file as <see cref="LocalPath"/> names it
    /// (a merge finds the files that hold the keys it changes).
    /// </summary>
    internal static void CreateViewWithFile(
        DuckDBConnection connection, DeltaSnapshot snapshot, string tableDirectory, string viewName, IReadOnlyList<AddFile> files, string fileColumn,
        CancellationToken cancellationToken = default)
    {
        var select = files.Count == 0
            ? EmptySelect(snapshot, fileColumn)
            : FilesSelect(connection, snapshot, files, tableDirectory, "UTC", fileColumn, cancellationToken);
        DuckDbSql.Execute(connection, $"CREATE OR REPLACE TEMP VIEW {DuckDbSql.Identifier(viewName)} AS {select}", cancellationToken);
    }

    /// <summary>The local path a view reads <paramref name="file"/> from, below the table folder <paramref name="tableDirectory"/>.</summary>
    internal static string LocalPath(string tableDirectory, AddFile file) => ToLocalPath(Path.GetFullPath(tableDirectory), file);

    private static string EmptySelect(DeltaSnapshot snapshot, string? fileColumn)
    {
        var columns = snapshot.Metadata.Schema.Fields
            .Select(field => $"CAST(NULL AS {DuckDbTypes.ToDuckDb(field.Type)}) AS {DuckDbSql.Identifier(field.Name)}");
        if (fileColumn is not null)
        {
            columns = columns.Append($"CAST(NULL AS VARCHAR) AS {DuckDbSql.Identifier(fileColumn)}");
        }

        return $"SELECT {string.Join(", ", columns)} WHERE false";
    }

    private static string FilesSelect(
        DuckDBConnection connection, DeltaSnapshot snapshot, IReadOnlyList<AddFile> files, string tableDirectory, string partitionTimeZone, string? fileColumn,
        CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(tableDirectory);
        var localPaths = files.Select(file => ToLocalPath(root, file)).ToList();
        var source = $"read_parquet([{string.Join(", ", localPaths.Select(DuckDbSql.Literal))}], " +
            $"filename = {DuckDbSql.Literal(FileColumn)}, union_by_name = true, hive_partitioning = false)";

        // The files' own column names and types (footers only) decide between a cast and a null.
        var fileColumns = DuckDbSql.Query(connection, $"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM {source})", cancellationToken)
            .ToDictionary(row => (string)row[0]!, row => (string)row[1]!, StringComparer.OrdinalIgnoreCase);

        var partitionColumns = snapshot.Metadata.PartitionColumns;
        var partitionIndex = partitionColumns.Select((name, index) => (name, index)).ToDictionary(pair => pair.name, pair => pair.index, StringComparer.OrdinalIgnoreCase);
        var columns = new List<string>();
        foreach (var field in snapshot.Metadata.Schema.Fields)
        {
            var expression = partitionIndex.TryGetValue(field.Name, out var index)
                ? DuckDbTypes.FromPartitionString($"p.{DuckDbSql.Identifier($"p{index}")}", field.Type, partitionTimeZone)
                : fileColumns.TryGetValue(field.Name, out var fileType)
                    ? DuckDbTypes.FromFileColumn($"d.{DuckDbSql.Identifier(field.Name)}", fileType, field.Type)
                    : $"CAST(NULL AS {DuckDbTypes.ToDuckDb(field.Type)})";
            columns.Add($"{expression} AS {DuckDbSql.Identifier(field.Name)}");
        }

        if (fileColumn is not null)
        {
            columns.Add($"d.{DuckDbSql.Identifier(FileColumn)} AS {DuckDbSql.Identifier(fileColumn)}");
        }

        var sql = new StringBuilder($"SELECT {string.Join(", ", columns)} FROM {source} AS d");
        if (partitionColumns.Count > 0)
        {
            sql.Append(" JOIN (VALUES ");
            sql.AppendJoin(", ", files.Select((file, fileIndex) => PartitionRow(localPaths[fileIndex], file, partitionColumns)));
            sql.Append($") AS p(path, {string.Join(", ", partitionColumns.Select((_, index) => DuckDbSql.Identifier($"p{index}")))})");
            sql.Append($" ON d.{DuckDbSql.Identifier(FileColumn)} = p.path");
        }

        return sql.ToString();
    }

    private static string PartitionRow(string localPath, AddFile file, IReadOnlyList<string> partitionColumns)
    {
        var values = partitionColumns.Select(column =>
            file.PartitionValues.TryGetValue(column, out var value) && value is not null ? DuckDbSql.Literal(value) : "CAST(NULL AS VARCHAR)");
        return $"({DuckDbSql.Literal(localPath)}, {string.Join(", ", values)})";
    }

    private static string ToLocalPath(string root, AddFile file)
    {
        if (!file.IsAbsoluteUri)
        {
            return Path.Combine(root, file.Path.Replace('/', Path.DirectorySeparatorChar));
        }

        var uri = new Uri(file.Path);
        return uri.IsFile
            ? uri.LocalPath
            : throw new DeltaUnsupportedFeatureException($"The data file '{file.Path}' is not on the local file system; stage it locally before reading it with DuckDB.");
    }
}
