namespace Medallion.Cli.Commands;

/// <summary>Which of a dataset's Delta tables <c>table optimize</c> and <c>table vacuum</c> work on.</summary>
internal enum MaintenanceLayer
{
    /// <summary>The promoted table, <c>current/</c>.</summary>
    Silver,
    Bronze,
    Quarantine,
}
