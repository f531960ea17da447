using Medallion.Jobs.Config;

namespace Medallion.Orchestration.Runs;

/// <summary>A dataset, some of its tables and an environment, picked by name from the configuration.</summary>
public sealed record PipelineSelection(DatasetSpec Dataset, IReadOnlyList<TableSpec> Tables, EnvironmentSpec Environment)
{
    /// <exception cref="ArgumentException">An unknown dataset, table or environment (a usage error).</exception>
    public static PipelineSelection Resolve(MedallionConfiguration configuration, string dataset, string? table, string? environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var spec = configuration.FindDataset(dataset)
            ?? throw new ArgumentException($"Unknown dataset '{dataset}'. Known: {string.Join(", ", configuration.Datasets.Select(d => d.Name))}.");
        IReadOnlyList<TableSpec> tables = table is null
            ? spec.Tables
            : spec.FindTable(table) is { } found
                ? [found]
                : throw new ArgumentException($"Dataset '{dataset}' has no table '{table}'. Tables: {string.Join(", ", spec.Tables.Select(t => t.Name))}.");
        var name = environment ?? configuration.Settings.DefaultEnvironment;
        return configuration.Settings.Environments.TryGetValue(name, out var environmentSpec)
            ? new PipelineSelection(spec, tables, environmentSpec)
            : throw new ArgumentException($"Unknown environment '{name}'. Environments: {string.Join(", ", configuration.Settings.Environments.Keys)}.");
    }
}
