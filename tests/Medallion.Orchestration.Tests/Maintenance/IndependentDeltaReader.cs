using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using Medallion.Delta.Storage;

namespace Medallion.Orchestration.Tests.Maintenance;

/// <summary>
/// A Delta reader that shares no code with the product's: it replays the <c>_delta_log/*.json</c>
/// commits itself (add and remove by URI-decoded path), reads each live Parquet file with a bare
/// DuckDB connection, and reduces the table to its row count and an order-independent hash of its
/// rows (every column as text, in name order, plus the file's partition values), so a compaction
/// that lost, doubled or changed a row changes the result.
/// </summary>
internal static class IndependentDeltaReader
{
    /// <summary>The live files at <paramref name="version"/> (latest when null): path → partition values as text.</summary>
    public static async Task<Dictionary<string, string>> LiveFilesAsync(IObjectStore store, string tablePath, long? version = null)
    {
        var live = new Dictionary<string, string>(StringComparer.Ordinal);
        var commits = (await store.ListAsync(tablePath + "/_delta_log/"))
            .Select(o => o.Path)
            .Where(p => p.EndsWith(".json", StringComparison.Ordinal))
            .Select(p => (Version: long.Parse(Path.GetFileNameWithoutExtension(p), CultureInfo.InvariantCulture), Path: p))
            .Where(c => version is null || c.Version <= version)
            .OrderBy(c => c.Version)
            .ToList();
        Assert.Equal(Enumerable.Range(0, commits.Count).Select(i => (long)i), commits.Select(c => c.Version));
        foreach (var (_, path) in commits)
        {
            var text = System.Text.Encoding.UTF8.GetString((await store.TryReadAsync(path))!);
            foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var action = JsonNode.Parse(line)!.AsObject();
                if (action["remove"] is JsonObject remove)
                {
                    live.Remove(Uri.UnescapeDataString((string)remove["path"]!));
                }

                if (action["add"] is JsonObject add)
                {
                    var partition = string.Join(",", add["partitionValues"]!.AsObject().OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={(string?)p.Value}"));
                    live[Uri.UnescapeDataString((string)add["path"]!)] = partition;
                }
            }
        }

        return live;
    }

    /// <summary>Row count and row hash of the table at <paramref name="version"/> (latest when null).</summary>
    public static async Task<(long Rows, BigInteger Hash)> ReadAsync(IObjectStore store, string tablePath, long? version = null)
    {
        var live = await LiveFilesAsync(store, tablePath, version);
        using var local = new LocalCopy();
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Execute(connection, "SET TimeZone = 'UTC'");
        long rows = 0;
        var hash = BigInteger.Zero;
        foreach (var (path, partition) in live)
        {
            var file = Path.Combine(local.Folder, Guid.NewGuid().ToString("N") + ".parquet");
            Assert.True(await store.TryDownloadFileAsync($"{tablePath}/{path}", file), $"live file {path} is missing from the store");
            var source = $"read_parquet('{file}')";
            var columns = Query(connection, $"SELECT column_name FROM (DESCRIBE SELECT * FROM {source})").Select(r => (string)r[0]!).Order(StringComparer.Ordinal);
            var text = string.Join(" || '|' || ", columns.Select(c => $"'{c}=' || coalesce(CAST(\"{c}\" AS VARCHAR), '<null>')"));
            var result = Query(connection, $"SELECT count(*), CAST(coalesce(sum(CAST(hash({text} || '|{partition}') AS HUGEINT)), 0) AS VARCHAR) FROM {source}")[0];
            rows += Convert.ToInt64(result[0], CultureInfo.InvariantCulture);
            hash += BigInteger.Parse((string)result[1]!, CultureInfo.InvariantCulture);
        }

        return (rows, hash);
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<object?[]> Query(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i))]);
        }

        return rows;
    }

    /// <summary>A temp folder the live files are downloaded into (local stores copy too, so both paths are the same).</summary>
    private sealed class LocalCopy : IDisposable
    {
        public string Folder { get; } = Directory.CreateTempSubdirectory("medallion-independent-").FullName;

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }
}
