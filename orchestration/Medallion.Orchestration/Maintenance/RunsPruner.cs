using Medallion.Jobs.Lake;
using Medallion.Orchestration.Leases;
using Medallion.Orchestration.Ledger;

namespace Medallion.Orchestration.Maintenance;

/// <summary>
/// Removes what runs leave behind once nobody needs it: the staged folder
/// (<c>runs/run_key=K/</c>) of a run that was never promoted and has not changed status for the
/// retention, and the lease objects (<c>_leases/run_key=K/</c>) of keys whose last attempt ended
/// (released or expired) more than the retention ago.
/// </summary>
/// <remarks>
/// A promoted run keeps its folder (its ledger is the run's history, and <c>superseded</c> or
/// <c>rolled_back</c> runs can be rolled back to); a <c>running</c> run is pruned only once no
/// attempt holds its key. Bronze and quarantine rows are left alone: they are Delta tables, kept
/// compact by <c>table optimize</c> and <c>table vacuum</c>.
/// </remarks>
public sealed class RunsPruner(TimeProvider clock)
{
    private const string KeyPrefix = "run_key=";
    private static readonly string[] PromotedStatuses = [RunLedgerEntry.Promoted, RunLedgerEntry.Superseded, RunLedgerEntry.RolledBack];

    /// <param name="table">The table whose runs to prune.</param>
    /// <param name="olderThan">How long a run must have been unchanged (and a lease ended) to go.</param>
    /// <param name="dryRun">Only report what would go.</param>
    /// <param name="cancellationToken">Cancels listing and deleting.</param>
    public async Task<RunsPruneResult> PruneAsync(LakeTable table, TimeSpan olderThan, bool dryRun, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfLessThan(olderThan, TimeSpan.Zero);
        var now = clock.GetUtcNow();
        var cutoff = now - olderThan;
        var ledger = new RunLedger(table.Store);
        var runs = new List<PrunedRun>();
        foreach (var entry in await ledger.ListAsync(table.Layout, cancellationToken))
        {
            var lastChange = entry.StatusHistory.Count > 0 ? entry.StatusHistory.Max(change => change.At) : DateTimeOffset.MinValue;
            if (lastChange >= cutoff || entry.PromotedVersion is not null || PromotedStatuses.Contains(entry.Status)
                || (entry.Status == RunLedgerEntry.Running && !await ledger.IsAbandonedAsync(table.Layout, entry, now, cancellationToken)))
            {
                continue;
            }

            var objects = await table.Store.ListAsync(table.Layout.SilverRun(entry.RunKey) + "/", cancellationToken);
            runs.Add(new PrunedRun(table.Name, entry.RunKey, entry.Status, lastChange, objects.Count, objects.Sum(o => o.Size)));
            if (!dryRun)
            {
                // The ledger and its _run_index marker go last, so a prune that stops half way still lists the run and is simply run again.
                var ledgerPath = table.Layout.RunLedger(entry.RunKey);
                await DeleteAsync(table, objects.Select(o => o.Path).Where(path => path != ledgerPath), cancellationToken);
                await ledger.DeleteAsync(table.Layout, entry.RunKey, cancellationToken);
            }
        }

        var (leases, leaseObjects) = await PruneLeasesAsync(table, cutoff, now, dryRun, cancellationToken);
        return new RunsPruneResult(runs, leases, leaseObjects);
    }

    private static async Task<(List<string> Keys, int Objects)> PruneLeasesAsync(LakeTable table, DateTimeOffset cutoff, DateTimeOffset now, bool dryRun, CancellationToken cancellationToken)
    {
        var root = $"{table.Layout.SilverRoot}/_leases/";
        var byKey = (await table.Store.ListAsync(root, cancellationToken))
            .GroupBy(o => o.Path[root.Length..].Split('/')[0], StringComparer.Ordinal)
            .Where(g => g.Key.StartsWith(KeyPrefix, StringComparison.Ordinal) && RunKey.IsValid(g.Key[KeyPrefix.Length..]));
        var keys = new List<string>();
        var objects = 0;
        foreach (var folder in byKey)
        {
            var runKey = folder.Key[KeyPrefix.Length..];
            var record = await RunKeyLease.ReadAsync(table.Store, table.Layout, runKey, cancellationToken);
            // Ended long ago: released or expired before the cutoff. A lease still held, or ended
            // recently (a paused holder could still renew it), stays.
            if (record is null || record.IsHeldAt(now) || record.ExpiresAt >= cutoff)
            {
                continue;
            }

            keys.Add(runKey);
            objects += folder.Count();
            if (!dryRun)
            {
                await DeleteAsync(table, folder.Select(o => o.Path), cancellationToken);
            }
        }

        return (keys, objects);
    }

    private static Task DeleteAsync(LakeTable table, IEnumerable<string> paths, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(paths, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (path, token) => await table.Store.DeleteAsync(path, token));
}
