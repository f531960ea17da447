using Medallion.Delta;
using Medallion.Delta.Schema;
using Medallion.Jobs.Config;

namespace Medallion.Jobs.Engine;

/// <summary>
/// Gives an existing table (bronze, quarantine, <c>current/</c>) the schema the configuration now
/// gives it, when the change is one the table allows: columns added with <c>schema_evolution:
/// add_columns</c>, or lineage columns a newer Medallion adds (such as <c>_warnings</c>), which
/// every table takes in place. Anything else is refused with the difference and what to do.
/// </summary>
public static class SchemaChanges
{
    /// <summary>Sets the transaction's schema and partitioning (creating the table's metadata on its first write).</summary>
    /// <param name="describedPath">The table as messages name it.</param>
    /// <exception cref="MedallionException">The change is not allowed; the message shows the difference.</exception>
    public static void Apply(DeltaTransaction transaction, DeltaSchema schema, IReadOnlyList<string> partitionColumns, TableSpec table, string describedPath)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(table);
        var existing = transaction.ReadSnapshot?.Metadata.Schema;
        var allowAdd = existing is not null && MayAddColumns(table, DeltaSchemaDiff.Between(existing, schema));
        try
        {
            transaction.SetMetadata(schema, partitionColumns, allowAddColumns: allowAdd);
        }
        catch (DeltaSchemaMismatchException mismatch)
        {
            throw new MedallionException($"Table '{describedPath}': {Advice(mismatch, table)}", isTransient: false, mismatch);
        }
    }

    /// <summary>True when the only differences are added columns the table takes in place.</summary>
    public static bool MayAddColumns(TableSpec table, DeltaSchemaDiff difference)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(difference);
        return difference.OnlyAdds
            && (table.SchemaEvolution == SchemaEvolutionMode.AddColumns || difference.Added.All(f => f.Name.StartsWith('_')));
    }

    private static string Advice(DeltaSchemaMismatchException mismatch, TableSpec table) => mismatch.Difference switch
    {
        { IsEmpty: true } or null =>
            $"{mismatch.Message} Change the table's schema_version to start a new table ({table.Location}).",
        { OnlyAdds: true } difference when table.SchemaEvolution == SchemaEvolutionMode.Fail =>
            $"the configuration {difference.Describe()}. Declare `schema_evolution: add_columns` on table `{table.Name}` ({table.Location}) " +
            "to add them to the existing tables (older rows read null), or change its schema_version to start a new table.",
        { } difference =>
            $"the configuration {difference.Describe()}. Removing or retyping a column cannot be done in place: " +
            $"change the schema_version of table `{table.Name}` ({table.Location}) to start a new table.",
    };
}
