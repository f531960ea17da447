using System.Text.Json.Nodes;
using Medallion.Delta.Log;

namespace Medallion.Delta.Writing;

/// <summary>Serializes actions as the log's JSON objects (one per line in a commit file).</summary>
internal static class ActionWriter
{
    public static JsonObject Protocol(DeltaProtocol protocol)
    {
        var json = new JsonObject
        {
            ["minReaderVersion"] = protocol.MinReaderVersion,
            ["minWriterVersion"] = protocol.MinWriterVersion,
        };
        if (protocol.ReaderFeatures is not null)
        {
            json["readerFeatures"] = new JsonArray([.. protocol.ReaderFeatures.Select(feature => (JsonNode)feature)]);
        }

        if (protocol.WriterFeatures is not null)
        {
            json["writerFeatures"] = new JsonArray([.. protocol.WriterFeatures.Select(feature => (JsonNode)feature)]);
        }

        return new JsonObject { ["protocol"] = json };
    }

    public static JsonObject Metadata(DeltaMetadata metadata)
    {
        var json = new JsonObject
        {
            ["id"] = metadata.Id,
            ["name"] = metadata.Name,
            ["description"] = metadata.Description,
            ["format"] = new JsonObject { ["provider"] = "parquet", ["options"] = new JsonObject() },
            ["schemaString"] = metadata.Schema.ToJson(),
            ["partitionColumns"] = new JsonArray([.. metadata.PartitionColumns.Select(column => (JsonNode)column)]),
            ["configuration"] = LogJson.ToObject(metadata.Configuration, value => JsonValue.Create(value)),
            ["createdTime"] = metadata.CreatedTime,
        };
        return new JsonObject { ["metaData"] = json };
    }

    public static JsonObject Transaction(AppTransaction transaction) => new()
    {
        ["txn"] = new JsonObject
        {
            ["appId"] = transaction.AppId,
            ["version"] = transaction.Version,
            ["lastUpdated"] = transaction.LastUpdated,
        },
    };

    public static JsonObject Add(AddFile file)
    {
        var json = new JsonObject
        {
            ["path"] = LogPathCodec.Encode(file.Path),
            ["partitionValues"] = LogJson.ToObject(file.PartitionValues, value => JsonValue.Create(value)),
            ["size"] = file.Size,
            ["modificationTime"] = file.ModificationTime,
            ["dataChange"] = file.DataChange,
        };
        if (file.Stats is not null)
        {
            json["stats"] = StatisticsJson.Write(file.Stats);
        }

        if (file.Tags is not null)
        {
            json["tags"] = LogJson.ToObject(file.Tags, value => JsonValue.Create(value));
        }

        return new JsonObject { ["add"] = json };
    }

    public static JsonObject Remove(RemoveFile file)
    {
        var json = new JsonObject
        {
            ["path"] = LogPathCodec.Encode(file.Path),
            ["deletionTimestamp"] = file.DeletionTimestamp,
            ["dataChange"] = file.DataChange,
            // The remove carries the add's partition values and size, so readers of the log alone
            // (change feeds, VACUUM) need not look the add up.
            ["extendedFileMetadata"] = file.PartitionValues is not null && file.Size is not null,
        };
        if (file.PartitionValues is not null)
        {
            json["partitionValues"] = LogJson.ToObject(file.PartitionValues, value => JsonValue.Create(value));
        }

        if (file.Size is not null)
        {
            json["size"] = file.Size;
        }

        return new JsonObject { ["remove"] = json };
    }
}
