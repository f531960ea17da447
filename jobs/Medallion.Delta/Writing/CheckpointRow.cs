using System.Text.Json.Serialization;

namespace Medallion.Delta.Writing;

/// <summary>
/// One row of a classic checkpoint: exactly one action column is set. The classes spell out the
/// protocol's checkpoint schema (column names, nesting, <c>MAP&lt;string,string&gt;</c> and
/// <c>ARRAY&lt;string&gt;</c>), so Parquet.Net writes the file Spark, delta-rs and DuckDB expect.
/// </summary>
/// <remarks>Every column is optional, as in the checkpoints Spark writes.</remarks>
internal sealed class CheckpointRow
{
    [JsonPropertyName("protocol")]
    public ProtocolEntry? Protocol { get; init; }

    [JsonPropertyName("metaData")]
    public MetadataEntry? Metadata { get; init; }

    [JsonPropertyName("txn")]
    public TransactionEntry? Transaction { get; init; }

    [JsonPropertyName("add")]
    public AddEntry? Add { get; init; }

    /// <summary>A tombstone still within <c>delta.deletedFileRetentionDuration</c>, kept for VACUUM.</summary>
    [JsonPropertyName("remove")]
    public RemoveEntry? Remove { get; init; }

    internal sealed class ProtocolEntry
    {
        [JsonPropertyName("minReaderVersion")]
        public int? MinReaderVersion { get; init; }

        [JsonPropertyName("minWriterVersion")]
        public int? MinWriterVersion { get; init; }
    }

    internal sealed class FormatEntry
    {
        [JsonPropertyName("provider")]
        public string? Provider { get; init; }

        [JsonPropertyName("options")]
        public Dictionary<string, string?>? Options { get; init; }
    }

    internal sealed class MetadataEntry
    {
        [JsonPropertyName("id")]
        public string? Id { get; init; }

        [JsonPropertyName("name")]
        public string? Name { get; init; }

        [JsonPropertyName("description")]
        public string? Description { get; init; }

        [JsonPropertyName("format")]
        public FormatEntry? Format { get; init; }

        [JsonPropertyName("schemaString")]
        public string? SchemaString { get; init; }

        [JsonPropertyName("partitionColumns")]
        public List<string>? PartitionColumns { get; init; }

        [JsonPropertyName("createdTime")]
        public long? CreatedTime { get; init; }

        [JsonPropertyName("configuration")]
        public Dictionary<string, string?>? Configuration { get; init; }
    }

    internal sealed class TransactionEntry
    {
        [JsonPropertyName("appId")]
        public string? AppId { get; init; }

        [JsonPropertyName("version")]
        public long? Version { get; init; }

        [JsonPropertyName("lastUpdated")]
        public long? LastUpdated { get; init; }
    }

    internal sealed class AddEntry
    {
        [JsonPropertyName("path")]
        public string? Path { get; init; }

        [JsonPropertyName("partitionValues")]
        public Dictionary<string, string?>? PartitionValues { get; init; }

        [JsonPropertyName("size")]
        public long? Size { get; init; }

        [JsonPropertyName("modificationTime")]
        public long? ModificationTime { get; init; }

        [JsonPropertyName("dataChange")]
        public bool? DataChange { get; init; }

        [JsonPropertyName("stats")]
        public string? Stats { get; init; }

        [JsonPropertyName("tags")]
        public Dictionary<string, string?>? Tags { get; init; }
    }

    internal sealed class RemoveEntry
    {
        [JsonPropertyName("path")]
        public string? Path { get; init; }

        [JsonPropertyName("deletionTimestamp")]
        public long? DeletionTimestamp { get; init; }

        [JsonPropertyName("dataChange")]
        public bool? DataChange { get; init; }

        [JsonPropertyName("extendedFileMetadata")]
        public bool? ExtendedFileMetadata { get; init; }

        [JsonPropertyName("partitionValues")]
        public Dictionary<string, string?>? PartitionValues { get; init; }

        [JsonPropertyName("size")]
        public long? Size { get; init; }
    }
}
