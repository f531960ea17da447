using System.Text.Json.Nodes;
using Medallion.Delta.Storage;
using Parquet;
using Parquet.Meta.Proto;
using Parquet.Serialization;

namespace Medallion.Delta.Log;

/// <summary>Reads a classic single-file checkpoint with Parquet.Net.</summary>
/// <remarks>
/// The file is read without a fixed class (writers differ in nullability and extra columns such as
/// <c>stats_parsed</c>), and each action struct is turned into the JSON a commit file holds
/// (<see cref="ParquetJson"/>), so checkpoint and commit actions go through the same parser.
/// Remove tombstones are read too: the next checkpoint carries them on (within their retention) for VACUUM.
/// </remarks>
internal static class CheckpointReader
{
    private static readonly string[] SnapshotColumns = ["protocol", "metaData", "txn", "add", "remove"];

    public static async Task<LogCommit> ReadAsync(IObjectStore store, string tablePath, long version, CancellationToken cancellationToken)
    {
        var path = LogFiles.CheckpointPath(tablePath, version);
        var content = await store.TryReadAsync(path, cancellationToken)
            ?? throw new DeltaFormatException($"The checkpoint '{store.Describe(path)}' disappeared while the table was being read.");

        IList<Dictionary<string, object>> rows;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            rows = (await ParquetSerializer.DeserializeUntypedAsync(stream, cancellationToken: cancellationToken)).Data;
        }
        catch (Exception error) when (error is ParquetException or ThriftProtocolException or IOException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            throw new DeltaFormatException($"The checkpoint '{store.Describe(path)}' is not a readable Parquet file: {error.Message}", error);
        }

        var commit = new LogCommit(version);
        foreach (var row in rows)
        {
            foreach (var column in SnapshotColumns)
            {
                if (!row.TryGetValue(column, out var value) || value is null)
                {
                    continue;
                }

                var action = ParquetJson.ToJson(value) as JsonObject
                    ?? throw new DeltaFormatException($"{store.Describe(path)}: a '{column}' entry is not a struct.");
                ActionParser.ParseAction(new JsonObject { [column] = action }, commit);
            }
        }

        return commit;
    }
}
