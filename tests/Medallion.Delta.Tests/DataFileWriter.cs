using System.Globalization;
using System.Text.Json.Nodes;
using DuckDB.NET.Data;

namespace Medallion.Delta.Tests;

/// <summary>Writes Parquet data files under a table folder with DuckDB COPY and describes them as add actions.</summary>
internal static class DataFileWriter
{
    /// <summary>
    /// Runs <c>COPY (query) TO folder (PARTITION_BY …, RETURN_STATS)</c>; paths are recorded
    /// exactly as written on disk (DuckDB percent-encodes partition directory names).
    /// </summary>
    public static List<AddFile> Write(DuckDBConnection connection, string query, string tableDirectory, string subFolder, params string[] partitionBy)
    {
        var target = Path.Combine(tableDirectory, subFolder);
        var options = partitionBy.Length == 0
            ? "FORMAT parquet, RETURN_STATS"
            : $"FORMAT parquet, PARTITION_BY ({string.Join(", ", partitionBy.Select(column => $"\"{column}\""))}), FILENAME_PATTERN 'part-{{uuid}}', OVERWRITE_OR_IGNORE, RETURN_STATS";
        Directory.CreateDirectory(target);
        var destination = partitionBy.Length == 0 ? Path.Combine(target, $"part-{Guid.NewGuid():N}.parquet") : target;
        using var command = connection.CreateCommand();
        command.CommandText = $"COPY ({query}) TO {DuckDbTestHelper.Literal(destination)} ({options})";
        using var reader = command.ExecuteReader();
        var files = new List<AddFile>();
        while (reader.Read())
        {
            var fileName = reader.GetString(reader.GetOrdinal("filename"));
            var rows = Convert.ToInt64(reader.GetValue(reader.GetOrdinal("count")), CultureInfo.InvariantCulture);
            var size = Convert.ToInt64(reader.GetValue(reader.GetOrdinal("file_size_bytes")), CultureInfo.InvariantCulture);
            var partitionValues = new Dictionary<string, string?>();
            if (partitionBy.Length > 0 && reader.GetValue(reader.GetOrdinal("partition_keys")) is System.Collections.IDictionary keys)
            {
                foreach (System.Collections.DictionaryEntry entry in keys)
                {
                    partitionValues[(string)entry.Key] = entry.Value as string;
                }
            }

            var relative = Path.GetRelativePath(tableDirectory, fileName).Replace(Path.DirectorySeparatorChar, '/');
            var stats = new FileStatistics(rows, new Dictionary<string, JsonNode?>(), new Dictionary<string, JsonNode?>(), new Dictionary<string, long>());
            files.Add(new AddFile(relative, partitionValues, size, 1_700_000_000_000, DataChange: true, stats));
        }

        return files;
    }
}
