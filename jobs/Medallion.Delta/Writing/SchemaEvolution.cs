using Medallion.Delta.Schema;

namespace Medallion.Delta.Writing;

/// <summary>Decides whether a new schema may replace a table's, and says what differs when not.</summary>
internal static class SchemaEvolution
{
    public static void EnsureCompatible(DeltaMetadata current, DeltaSchema proposed, IReadOnlyList<string> partitionColumns, bool allowAddColumns, string location)
    {
        var diff = DeltaSchemaDiff.Between(current.Schema, proposed);
        string? refusal = null;
        if (!diff.OnlyAdds)
        {
            refusal = "only nullable columns can be added to an existing table; removing or retyping one cannot be done in place";
        }
        else if (diff.Added.Count > 0 && !allowAddColumns)
        {
            refusal = "adding columns was not allowed (pass allowAddColumns: true)";
        }
        else if (diff.Added.FirstOrDefault(field => !field.Nullable) is { } notNull)
        {
            refusal = $"`{notNull.Name}` cannot be added as NOT NULL: existing files have no values for it";
        }

        if (refusal is not null)
        {
            throw new DeltaSchemaMismatchException($"The new schema of the Delta table at '{location}' {diff.Describe()}: {refusal}.") { Difference = diff };
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
