using System.Collections;
using Medallion.Delta;
using Medallion.Delta.Schema;
using Medallion.Jobs.Sql;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>
/// Writes a query's rows as Parquet data files of a Delta table with one DuckDB <c>COPY</c>, and
/// turns what <c>RETURN_STATS</c> reports per file (rows, size, min/max/null counts, partition
/// keys) into Delta <c>add</c> actions, so no written file is ever read back. DuckDB writes into
/// the engine's local folder; on a staged (S3) lake the files are then uploaded, so the actions
/// returned always name files the store holds.
/// </summary>
internal sealed class ParquetFileWriter(DuckDbSession session, DuckDbTables tables)
{
    /// <summary>
    /// The dictionary size limit for bronze files, whose columns are all text and mostly near-unique
    /// (ids, amounts and timestamps as they arrived). With DuckDB's default (a fifth of a row group)
    /// the writer hashes tens of thousands of distinct values per column before it gives up on a
    /// dictionary; with 256, columns of few values (codes, lineage) keep theirs. Bronze COPY of
    /// 10 M rows: 4.2–4.6 s → 2.9–3.6 s, same file size (docs/BENCHMARKS.md). Silver and quarantine
    /// keep the default: analysts' engines use dictionaries and the bloom filters DuckDB writes with them.
    /// </summary>
    public const int BronzeDictionarySizeLimit = 256;

    /// <summary>The COPY statement (also printed by <c>medallion plan</c>).</summary>
    /// <param name="knownPartition">
    /// The partition every row belongs to, when the caller knows it (bronze's run date, quarantine's run
    /// key): the rows, without those columns, go to one file in that partition's folder. DuckDB's
    /// partitioned writer costs a quarter more even when there is a single partition. The values must
    /// not need escaping in a path (ISO dates and run keys never do).
    /// </param>
    /// <param name="dictionarySizeLimit">DuckDB's <c>DICTIONARY_SIZE_LIMIT</c>, when not its default (see <see cref="BronzeDictionarySizeLimit"/>).</param>
    public static string CopyStatement(
        string query,
        string tableDirectory,
        IReadOnlyList<string> partitionColumns,
        IReadOnlyDictionary<string, string>? knownPartition = null,
        int? dictionarySizeLimit = null)
    {
        var sql = DuckDbDialect.Instance;
        var partitioning = string.Empty;
        var target = Path.Combine(Folder(tableDirectory, partitionColumns, knownPartition), $"part-{Guid.NewGuid()}.parquet");
        if (partitionColumns.Count > 0 && knownPartition is not null)
        {
            query = $"SELECT * EXCLUDE ({string.Join(", ", partitionColumns.Select(sql.Identifier))}) FROM ({query})";
        }
        else if (partitionColumns.Count > 0)
        {
            target = tableDirectory;
            partitioning = $"PARTITION_BY ({string.Join(", ", partitionColumns.Select(sql.Identifier))}), APPEND, FILENAME_PATTERN 'part-{{uuid}}', ";
        }

        var dictionary = dictionarySizeLimit is { } limit ? $"DICTIONARY_SIZE_LIMIT {limit}, " : string.Empty;

        // zstd level 1: measured on bronze rows, 11 % faster to write than DuckDB's default level 3
        // and no larger (see docs/BENCHMARKS.md).
        return $"COPY ({query}) TO {sql.StringLiteral(target)} (FORMAT parquet, {partitioning}COMPRESSION zstd, COMPRESSION_LEVEL 1, {dictionary}RETURN_STATS)";
    }

    /// <summary>Writes the rows into the table at <paramref name="tablePath"/> (relative to the lake) and returns one <see cref="AddFile"/> per file, already in the store.</summary>
    /// <param name="knownPartition">See <see cref="CopyStatement"/>.</param>
    /// <param name="dictionarySizeLimit">See <see cref="CopyStatement"/>.</param>
    public async Task<IReadOnlyList<AddFile>> WriteAsync(
        string query,
        string tablePath,
        DeltaSchema schema,
        IReadOnlyList<string> partitionColumns,
        IReadOnlyDictionary<string, string>? knownPartition = null,
        int? dictionarySizeLimit = null,
        CancellationToken cancellationToken = default)
    {
        var statement = CopyStatement(query, tables.LocalPath(tablePath), partitionColumns, knownPartition, dictionarySizeLimit);
        var files = Write(statement, tables.LocalPath(tablePath), schema, partitionColumns, knownPartition, cancellationToken);
        await tables.UploadAsync(tablePath, files, cancellationToken);
        return files;
    }

    private IReadOnlyList<AddFile> Write(
        string statement,
        string tableDirectory,
        DeltaSchema schema,
        IReadOnlyList<string> partitionColumns,
        IReadOnlyDictionary<string, string>? knownPartition,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder(tableDirectory, partitionColumns, knownPartition));
        var modified = tables.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        return session.Query(statement, reader =>
        {
            var file = reader.GetString(0);
            var rows = Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
            var size = Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture);
            var columnStats = (IDictionary)reader.GetValue(4);
            var partitionKeys = reader.IsDBNull(5) ? null : (IDictionary)reader.GetValue(5);
            return new AddFile(
                Path: Path.GetRelativePath(tableDirectory, file).Replace('\\', '/'),
                PartitionValues: partitionColumns.ToDictionary(c => c, c => knownPartition?[c] ?? PartitionValue(partitionKeys, c), StringComparer.Ordinal),
                Size: size,
                ModificationTime: modified,
                DataChange: true,
                Stats: DuckDbFileStatistics.Convert(rows, columnStats, schema, partitionColumns));
        }, cancellationToken);
    }

    /// <summary>The folder a COPY writes into: the table's, or the known partition's below it.</summary>
    private static string Folder(string tableDirectory, IReadOnlyList<string> partitionColumns, IReadOnlyDictionary<string, string>? knownPartition) =>
        knownPartition is null
            ? tableDirectory
            : Path.Combine([tableDirectory, .. partitionColumns.Select(c => $"{c}={knownPartition[c]}")]);

    /// <summary>Delta writes null for both a null and an empty partition value.</summary>
    private static string? PartitionValue(IDictionary? keys, string column) =>
        keys?[column] is string { Length: > 0 } value ? value : null;
}
