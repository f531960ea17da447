using Medallion.Jobs.Config.Transforms;

namespace Medallion.Jobs.Config;

/// <summary>
/// Follows a table's columns from bronze through each transform to silver, so a transform, rule,
/// partition or key that names a missing column fails when the config loads, not mid-run.
/// </summary>
public static class ColumnFlow
{
    /// <summary>Traces <paramref name="table"/>; never throws for a bad table, it reports in <see cref="ColumnFlowResult.Errors"/>.</summary>
    public static ColumnFlowResult Trace(TableSpec table) => Trace(table, checkSilver: true);

    /// <param name="table">The table.</param>
    /// <param name="checkSilver">False when the transforms are cut short at one the loader could not read: the silver columns are then unknown.</param>
    internal static ColumnFlowResult Trace(TableSpec table, bool checkSilver)
    {
        ArgumentNullException.ThrowIfNull(table);
        var errors = new List<ConfigError>();
        var bronze = table.Columns.Select(c => new TypedColumn(c.Name, c.Type) { TypeUnknown = c.TypeUnknown }).ToList();
        var columns = new ColumnSet(bronze);
        var afterTransform = new List<IReadOnlyList<TypedColumn>>();
        foreach (var transform in table.Transforms)
        {
            transform.Trace(new ColumnStep(transform, columns, errors));
            afterTransform.Add(columns.Snapshot());
        }

        var silver = columns.Snapshot();
        if (checkSilver)
        {
            CheckSilver(table, columns, errors);
        }

        return new ColumnFlowResult(bronze, afterTransform, silver, errors);
    }

    private static void CheckSilver(TableSpec table, ColumnSet silver, List<ConfigError> errors)
    {
        if (silver.Count == 0)
        {
            errors.Add(new ConfigError(table.Location, $"table `{table.Name}` has no columns left after the transforms"));
            return;
        }

        foreach (var rule in table.Rules)
        {
            foreach (var column in rule.ColumnsRead.Where(c => !silver.Contains(c)))
            {
                errors.Add(new ConfigError(rule.Location, $"rule `{rule.Name}` ({rule.Kind}): column `{column}` is not a silver column; silver columns are: {silver}"));
            }
        }

        for (var i = 0; i < table.PartitionBy.Count; i++)
        {
            if (!silver.Contains(table.PartitionBy[i]))
            {
                errors.Add(new ConfigError(At(table.PartitionByLocations, i, table), $"partition column `{table.PartitionBy[i]}` is not produced by the transforms; silver columns are: {silver}"));
            }
        }

        if (table.PartitionBy.Count > 0 && silver.Names.All(table.PartitionBy.Contains))
        {
            errors.Add(new ConfigError(At(table.PartitionByLocations, 0, table), $"partition_by lists every silver column ({silver}); at least one column must stay outside the partitions"));
        }

        for (var i = 0; i < table.PrimaryKey.Count; i++)
        {
            if (!silver.Contains(table.PrimaryKey[i]))
            {
                errors.Add(new ConfigError(At(table.PrimaryKeyLocations, i, table), $"primary key column `{table.PrimaryKey[i]}` is not a silver column; silver columns are: {silver}"));
            }
        }
    }

    private static SourceLocation At(IReadOnlyList<SourceLocation> locations, int index, TableSpec table) =>
        index < locations.Count ? locations[index] : table.Location;
}
