using Medallion.Delta.Schema;

namespace Medallion.Delta.Writing;

/// <summary>Decides whether a new schema may replace a table's schema, and says why not.</summary>
internal static class SchemaEvolution
{
    public static void EnsureCompatible(DeltaMetadata current, DeltaSchema proposed, IReadOnlyList<string> partitionColumns, bool allowAddColumns, string location)
    {
        foreach (var existing in current.Schema.Fields)
        {
            var match = proposed.Find(existing.Name)
                ?? throw new DeltaSchemaMismatchException(
                    $"Column `{existing.Name}` (`{existing.Type.Name}`) is in the Delta table at '{location}' but missing from the new schema.");
            if (match.Type.Name != existing.Type.Name)
            {
                throw new DeltaSchemaMismatchException(
                    $"Column `{existing.Name}` is `{existing.Type.Name}` in the Delta table at '{location}' but the new schema says `{match.Type.Name}`.");
            }
        }

        foreach (var added in proposed.Fields.Where(field => current.Schema.Find(field.Name) is null))
        {
            if (!allowAddColumns)
            {
                throw new DeltaSchemaMismatchException(
                    $"Column `{added.Name}` (`{added.Type.Name}`) is in the new schema but not in the Delta table at '{location}'; pass allowAddColumns: true to add it.");
            }

            if (!added.Nullable)
            {
                throw new DeltaSchemaMismatchException(
                    $"Column `{added.Name}` (`{added.Type.Name}`) cannot be added to the Delta table at '{location}' as NOT NULL: existing files have no values for it.");
            }
        }

        if (!partitionColumns.SequenceEqual(current.PartitionColumns, StringComparer.OrdinalIgnoreCase))
        {
            throw new DeltaSchemaMismatchException(
                $"The Delta table at '{location}' is partitioned by [{string.Join(", ", current.PartitionColumns)}] but the new metadata says [{string.Join(", ", partitionColumns)}].");
        }
    }

    public static void EnsurePartitionColumns(DeltaSchema schema, IReadOnlyList<string> partitionColumns)
    {
        foreach (var column in partitionColumns)
        {
            var field = schema.Find(column)
                ?? throw new ArgumentException($"The partition column '{column}' is not in the schema.", nameof(partitionColumns));
            if (field.Type is not (DeltaPrimitiveType or DeltaDecimalType))
            {
                throw new ArgumentException($"The partition column '{column}' is `{field.Type.Name}`; partition columns must be primitive.", nameof(partitionColumns));
            }
        }
    }
}
