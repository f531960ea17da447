using System.Text;
using System.Text.Json.Nodes;
using Medallion.Delta.Log;
using Medallion.Delta.Reading;
using Medallion.Delta.Storage;

namespace Medallion.Delta.Writing;

/// <summary>
/// Writes a classic single-file checkpoint (the protocol's checkpoint schema) with DuckDB, then
/// points <c>_last_checkpoint</c> at it.
/// </summary>
/// <remarks>
/// The actions go to a newline-delimited JSON file first and DuckDB's <c>read_json</c> types them
/// with the explicit column structs below; <c>partitionValues</c>, <c>tags</c> and
/// <c>configuration</c> become <c>MAP(VARCHAR, VARCHAR)</c> and <c>add.stats</c> stays a JSON string.
/// Remove tombstones are not carried over: the snapshot does not keep them, and only VACUUM reads them.
/// </remarks>
internal static class CheckpointWriter
{
    private const string StringMap = "MAP(VARCHAR, VARCHAR)";

    private static readonly string Columns = string.Join(", ",
        "protocol: 'STRUCT(minReaderVersion INTEGER, minWriterVersion INTEGER)'",
        $"metaData: 'STRUCT(id VARCHAR, name VARCHAR, description VARCHAR, format STRUCT(provider VARCHAR, options {StringMap}), schemaString VARCHAR, partitionColumns VARCHAR[], createdTime BIGINT, configuration {StringMap})'",
        "txn: 'STRUCT(appId VARCHAR, version BIGINT, lastUpdated BIGINT)'",
        $"add: 'STRUCT(path VARCHAR, partitionValues {StringMap}, size BIGINT, modificationTime BIGINT, dataChange BOOLEAN, stats VARCHAR, tags {StringMap})'",
        $"remove: 'STRUCT(path VARCHAR, deletionTimestamp BIGINT, dataChange BOOLEAN, extendedFileMetadata BOOLEAN, partitionValues {StringMap}, size BIGINT)'");

    public static async Task WriteAsync(IObjectStore store, DeltaSnapshot snapshot, CancellationToken cancellationToken)
    {
        var lines = new List<JsonObject>
        {
            ActionWriter.Protocol(snapshot.Protocol with { ReaderFeatures = null, WriterFeatures = null }),
            ActionWriter.Metadata(snapshot.Metadata),
        };
        lines.AddRange(snapshot.AppTransactions.Select(pair => ActionWriter.Transaction(new AppTransaction(pair.Key, pair.Value, null))));
        lines.AddRange(snapshot.Files.Select(ActionWriter.Add));

        var folder = Path.Combine(Path.GetTempPath(), $"medallion-checkpoint-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var jsonFile = Path.Combine(folder, "actions.json");
            var parquetFile = Path.Combine(folder, "checkpoint.parquet");
            await File.WriteAllTextAsync(jsonFile, string.Join('\n', lines.Select(line => line.ToJsonString(LogJson.Options))) + "\n", cancellationToken);
            Convert(jsonFile, parquetFile, cancellationToken);

            var content = await File.ReadAllBytesAsync(parquetFile, cancellationToken);
            await store.WriteAsync(LogFiles.CheckpointPath(snapshot.TablePath, snapshot.Version), content, cancellationToken);

            var pointer = new JsonObject
            {
                ["version"] = snapshot.Version,
                ["size"] = lines.Count,
                ["sizeInBytes"] = content.LongLength,
                ["numOfAddFiles"] = snapshot.Files.Count,
            };
            await store.WriteAsync(LogFiles.LastCheckpointPath(snapshot.TablePath), Encoding.UTF8.GetBytes(pointer.ToJsonString()), cancellationToken);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Convert(string jsonFile, string parquetFile, CancellationToken cancellationToken)
    {
        using var connection = DuckDbSql.OpenInMemory();
        var source = $"read_json({DuckDbSql.Literal(jsonFile)}, format = 'newline_delimited', columns = {{{Columns}}})";
        DuckDbSql.Execute(connection, $"COPY (SELECT * FROM {source}) TO {DuckDbSql.Literal(parquetFile)} (FORMAT parquet)", cancellationToken);
    }
}
