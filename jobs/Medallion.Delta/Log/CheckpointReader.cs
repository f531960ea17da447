using System.Text.Json.Nodes;
using Medallion.Delta.Reading;
using Medallion.Delta.Storage;

namespace Medallion.Delta.Log;

/// <summary>Reads a classic single-file checkpoint with DuckDB's <c>read_parquet</c>.</summary>
/// <remarks>
/// Each action struct is turned into JSON by DuckDB (<c>to_json</c> renders the
/// <c>partitionValues</c> MAP as an object), so checkpoint and commit actions go through the
/// same parser. Remove tombstones only matter to VACUUM and are skipped.
/// </remarks>
internal static class CheckpointReader
{
    private static readonly string[] SnapshotColumns = ["protocol", "metaData", "txn", "add"];

    public static async Task<LogCommit> ReadAsync(IObjectStore store, string tablePath, long version, CancellationToken cancellationToken)
    {
        var path = LogFiles.CheckpointPath(tablePath, version);
        var content = await store.TryReadAsync(path, cancellationToken)
            ?? throw new DeltaFormatException($"The checkpoint '{store.Describe(path)}' disappeared while the table was being read.");

        var localFile = Path.Combine(Path.GetTempPath(), $"medallion-checkpoint-{Guid.NewGuid():N}.parquet");
        try
        {
            await File.WriteAllBytesAsync(localFile, content, cancellationToken);
            return Read(localFile, version, store.Describe(path), cancellationToken);
        }
        finally
        {
            File.Delete(localFile);
        }
    }

    private static LogCommit Read(string localFile, long version, string location, CancellationToken cancellationToken)
    {
        using var connection = DuckDbSql.OpenInMemory();
        var source = $"read_parquet({DuckDbSql.Literal(localFile)})";
        var present = DuckDbSql.Query(connection, $"SELECT column_name FROM (DESCRIBE SELECT * FROM {source})", cancellationToken)
            .Select(row => (string)row[0]!)
            .ToHashSet(StringComparer.Ordinal);

        var commit = new LogCommit(version);
        foreach (var column in SnapshotColumns.Where(present.Contains))
        {
            var quoted = DuckDbSql.Identifier(column);
            var rows = DuckDbSql.Query(connection, $"SELECT to_json({quoted}) FROM {source} WHERE {quoted} IS NOT NULL", cancellationToken);
            foreach (var row in rows)
            {
                var action = JsonNode.Parse((string)row[0]!) as JsonObject
                    ?? throw new DeltaFormatException($"{location}: a '{column}' entry is not a struct.");
                ActionParser.ParseAction(new JsonObject { [column] = action }, commit);
            }
        }

        return commit;
    }
}
