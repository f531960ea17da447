using System.Text;
using System.Text.Json.Nodes;
using Medallion.Delta.Cleanup;
using Medallion.Delta.Log;
using Medallion.Delta.Storage;
using Parquet.Serialization;

namespace Medallion.Delta.Writing;

/// <summary>
/// Writes a classic single-file checkpoint (the protocol's checkpoint schema, <see cref="CheckpointRow"/>)
/// with Parquet.Net, then points <c>_last_checkpoint</c> at it.
/// </summary>
/// <remarks>
/// Values are encoded as in a commit file: paths URI-encoded, <c>add.stats</c> as its JSON string.
/// Remove tombstones younger than <c>delta.deletedFileRetentionDuration</c> (default 7 days) are
/// carried over, so VACUUM still knows those files left the table after the commits that removed
/// them are cleaned up; older ones are dropped, as delta-spark and delta-rs do. A retention that is
/// not a valid interval keeps every tombstone (never lose one VACUUM needs).
/// </remarks>
internal static class CheckpointWriter
{
    public static async Task WriteAsync(IObjectStore store, DeltaSnapshot snapshot, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = new List<CheckpointRow>
        {
            new() { Protocol = new() { MinReaderVersion = snapshot.Protocol.MinReaderVersion, MinWriterVersion = snapshot.Protocol.MinWriterVersion } },
            new() { Metadata = Metadata(snapshot.Metadata) },
        };
        rows.AddRange(snapshot.AppTransactions.Select(pair => new CheckpointRow { Transaction = new() { AppId = pair.Key, Version = pair.Value } }));
        rows.AddRange(snapshot.Files.Select(file => new CheckpointRow { Add = Add(file) }));
        rows.AddRange(LiveTombstones(snapshot, now).Select(remove => new CheckpointRow { Remove = Remove(remove) }));

        byte[] content;
        using (var buffer = new MemoryStream())
        {
            await ParquetSerializer.SerializeAsync(rows, buffer, cancellationToken: cancellationToken);
            content = buffer.ToArray();
        }

        await store.WriteAsync(LogFiles.CheckpointPath(snapshot.TablePath, snapshot.Version), content, cancellationToken);
        var pointer = new JsonObject
        {
            ["version"] = snapshot.Version,
            ["size"] = rows.Count,
            ["sizeInBytes"] = content.LongLength,
            ["numOfAddFiles"] = snapshot.Files.Count,
        };
        await store.WriteAsync(LogFiles.LastCheckpointPath(snapshot.TablePath), Encoding.UTF8.GetBytes(pointer.ToJsonString()), cancellationToken);
    }

    /// <summary>The tombstones deleted within the retention; a tombstone without a time counts as expired, as in delta-spark.</summary>
    internal static IEnumerable<RemoveFile> LiveTombstones(DeltaSnapshot snapshot, DateTimeOffset now)
    {
        long cutoff;
        try
        {
            cutoff = (now - TableProperties.DeletedFileRetention(snapshot.Metadata)).ToUnixTimeMilliseconds();
        }
        catch (FormatException)
        {
            cutoff = long.MinValue;
        }

        return snapshot.Tombstones.Where(remove => cutoff == long.MinValue || remove.DeletionTimestamp is { } deleted && deleted >= cutoff);
    }

    private static CheckpointRow.RemoveEntry Remove(RemoveFile remove) => new()
    {
        Path = LogPathCodec.Encode(remove.Path),
        DeletionTimestamp = remove.DeletionTimestamp,
        DataChange = remove.DataChange,
        ExtendedFileMetadata = remove.PartitionValues is not null && remove.Size is not null,
        PartitionValues = remove.PartitionValues is null ? null : new Dictionary<string, string?>(remove.PartitionValues),
        Size = remove.Size,
    };

    private static CheckpointRow.MetadataEntry Metadata(DeltaMetadata metadata) => new()
    {
        Id = metadata.Id,
        Name = metadata.Name,
        Description = metadata.Description,
        Format = new() { Provider = "parquet", Options = [] },
        SchemaString = metadata.Schema.ToJson(),
        PartitionColumns = [.. metadata.PartitionColumns],
        CreatedTime = metadata.CreatedTime,
        Configuration = metadata.Configuration.ToDictionary(pair => pair.Key, pair => (string?)pair.Value),
    };

    private static CheckpointRow.AddEntry Add(AddFile file) => new()
    {
        Path = LogPathCodec.Encode(file.Path),
        PartitionValues = new Dictionary<string, string?>(file.PartitionValues),
        Size = file.Size,
        ModificationTime = file.ModificationTime,
        DataChange = file.DataChange,
        Stats = file.Stats is null ? null : StatisticsJson.Write(file.Stats),
        Tags = file.Tags?.ToDictionary(pair => pair.Key, pair => (string?)pair.Value),
    };
}
