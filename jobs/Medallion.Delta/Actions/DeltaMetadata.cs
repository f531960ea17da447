using Medallion.Delta.Schema;

namespace Medallion.Delta;

/// <summary>The table's <c>metaData</c> action: identity, schema, partitioning and configuration.</summary>
/// <param name="Id">A unique table id (a GUID for tables Medallion creates).</param>
/// <param name="Name">Optional user-facing name.</param>
/// <param name="Description">Optional description.</param>
/// <param name="Schema">The table schema.</param>
/// <param name="PartitionColumns">Partition column names, in directory order.</param>
/// <param name="Configuration">Table properties (<c>delta.*</c> keys are the protocol's).</param>
/// <param name="CreatedTime">Milliseconds since the epoch when the table was created, if recorded.</param>
public sealed record DeltaMetadata(
    string Id,
    string? Name,
    string? Description,
    DeltaSchema Schema,
    IReadOnlyList<string> PartitionColumns,
    IReadOnlyDictionary<string, string> Configuration,
    long? CreatedTime);
