namespace Medallion.Cli.Commands;

/// <summary>One table to maintain.</summary>
/// <param name="TablePath">Its folder below the store root.</param>
/// <param name="Name">How messages name it.</param>
/// <param name="KeepRunsApart">Compact only files of one run together (bronze and quarantine are replaced per run key).</param>
internal sealed record MaintenanceTarget(string TablePath, string Name, bool KeepRunsApart);
