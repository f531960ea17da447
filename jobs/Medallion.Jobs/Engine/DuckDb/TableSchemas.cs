using Medallion.Delta;
using Medallion.Delta.Schema;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>Creates a table's metadata on its first write, and refuses a write whose schema differs.</summary>
internal static class TableSchemas
{
    /// <exception cref="MedallionException">The table exists with another schema or partitioning.</exception>
    public static void Prepare(DeltaTransaction transaction, DeltaSchema schema, IReadOnlyList<string> partitionColumns, string tablePath)
    {
        if (transaction.ReadSnapshot is not { } snapshot)
        {
            transaction.SetMetadata(schema, partitionColumns);
            return;
        }

        var existing = snapshot.Metadata.Schema.ToJson();
        var wanted = schema.ToJson();
        if (existing != wanted || !snapshot.Metadata.PartitionColumns.SequenceEqual(partitionColumns))
        {
            throw new MedallionException(
                $"Table '{tablePath}' exists with another schema or partitioning than the configuration now gives it. " +
                $"Existing: {existing} partitioned by [{string.Join(", ", snapshot.Metadata.PartitionColumns)}]; " +
                $"configured: {wanted} partitioned by [{string.Join(", ", partitionColumns)}]. " +
                "Change the table's schema_version to start a new table.");
        }
    }
}
