namespace Medallion.Orchestration.Maintenance;

/// <summary>What <c>runs prune</c> removed from one table, or would remove on a dry run.</summary>
/// <param name="Runs">Staged runs removed.</param>
/// <param name="Leases">Run keys whose ended lease objects were removed.</param>
/// <param name="LeaseObjects">Lease objects removed.</param>
public sealed record RunsPruneResult(IReadOnlyList<PrunedRun> Runs, IReadOnlyList<string> Leases, int LeaseObjects);
