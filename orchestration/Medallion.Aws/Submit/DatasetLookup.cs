using Medallion.Jobs.Config;

namespace Medallion.Aws.Submit;

/// <summary>Finds a dataset or table named on the command line, or says which ones exist.</summary>
public static class DatasetLookup
{
    /// <exception cref="ArgumentException">No such dataset (a usage error).</exception>
    public static DatasetSpec Dataset(MedallionConfiguration configuration, string name) =>
        configuration.FindDataset(name)
        ?? throw new ArgumentException($"Dataset '{name}' is not in the configuration (it has {string.Join(", ", configuration.Datasets.Select(d => d.Name))}).");

    /// <summary>The one table called <paramref name="table"/>, or every table when it is null.</summary>
    /// <exception cref="ArgumentException">No such table in the dataset.</exception>
    public static IReadOnlyList<TableSpec> Tables(DatasetSpec dataset, string? table) => table is null
        ? dataset.Tables
        : [dataset.FindTable(table) ?? throw new ArgumentException($"Table '{table}' is not in dataset '{dataset.Name}' (it has {string.Join(", ", dataset.Tables.Select(t => t.Name))}).")];
}
