using System.Text.Json.Nodes;
using Medallion.Delta.Log;
using Medallion.Delta.Storage;

namespace Medallion.Delta.Maintenance;

/// <summary>
/// VACUUM: deletes the data files under a table folder that no version within the retention
/// needs — files removed before the cutoff, and files no add names at all (copies a crashed writer
/// left) — as delta-spark does. Never touches <c>_delta_log</c> or hidden files (<c>_x</c>, <c>.x</c>).
/// </summary>
/// <remarks>
/// A file stays when it is live in the latest version, when any remove tombstone for it is at or
/// after the cutoff (every version committed since the cutoff, and the one live at the cutoff, can
/// still be rebuilt: each of its files is live now or was removed later), or when the store wrote it
/// after the cutoff (a writer may be about to commit it). Tombstones come from every commit file
/// still in the log and from the newest checkpoint, so the plan is right whether old commits were
/// cleaned up (their tombstones then live in the checkpoint) or not.
/// </remarks>
public sealed class DeltaVacuum(IObjectStore store, string tablePath, TimeProvider? clock = null)
{
    private const int DeleteParallelism = 16;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly string _tablePath = ObjectPath.Validate(tablePath, nameof(tablePath), allowEmpty: true).TrimEnd('/');

    /// <summary>Decides what a vacuum with <paramref name="retention"/> deletes now, without deleting anything.</summary>
    /// <remarks>Throws <see cref="DeltaTableNotFoundException"/> when there is no table.</remarks>
    public async Task<VacuumPlan> PlanAsync(TimeSpan retention, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retention, TimeSpan.Zero);
        var cutoff = _clock.GetUtcNow() - retention;
        var cutoffMillis = cutoff.ToUnixTimeMilliseconds();
        var snapshot = await new DeltaTable(store, _tablePath).LoadSnapshotAsync(cancellationToken: cancellationToken);
        var log = await LogFiles.ListAsync(store, _tablePath, cancellationToken);

        var keep = snapshot.Files.Select(file => file.Path).ToHashSet(StringComparer.Ordinal);
        var known = new HashSet<string>(keep, StringComparer.Ordinal);
        if (log.Checkpoints.GetViewBetween(long.MinValue, snapshot.Version) is { Count: > 0 } checkpoints)
        {
            Collect(await CheckpointReader.ReadAsync(store, _tablePath, checkpoints.Max, cancellationToken));
        }

        foreach (var (version, info) in log.Commits.Where(commit => commit.Key <= snapshot.Version))
        {
            if (await store.TryReadAsync(info.Path, cancellationToken) is { } content)
            {
                Collect(ActionParser.ParseCommitFile(version, content, store.Describe(info.Path)));
            }
        }

        var prefix = _tablePath.Length == 0 ? "" : _tablePath + "/";
        var files = new List<VacuumFile>();
        var kept = 0;
        foreach (var item in await store.ListAsync(prefix, cancellationToken))
        {
            var path = item.Path[prefix.Length..];
            if (IsHidden(path))
            {
                continue;
            }

            if (keep.Contains(path) || item.LastModified >= cutoff)
            {
                kept++;
                continue;
            }

            files.Add(new VacuumFile(path, item.Size, item.LastModified, Untracked: !known.Contains(path)));
        }

        return new VacuumPlan(snapshot.Version, cutoff, [.. files.OrderBy(file => file.Path, StringComparer.Ordinal)], kept);

        void Collect(LogCommit commit)
        {
            // A commit made within the retention keeps what it added, even before a tombstone says so.
            var recent = commit.CommitInfo is { } info && LogJson.Long(info, "timestamp") is { } timestamp && timestamp >= cutoffMillis;
            foreach (var add in commit.Adds)
            {
                known.Add(add.Path);
                if (recent)
                {
                    keep.Add(add.Path);
                }
            }

            foreach (var remove in commit.Removes)
            {
                known.Add(remove.Path);
                // A tombstone without a time cannot be proven old: keep its file.
                if (remove.DeletionTimestamp is not { } deleted || deleted >= cutoffMillis)
                {
                    keep.Add(remove.Path);
                }
            }
        }
    }

    /// <summary>Deletes the plan's files, then records the vacuum as one commit (<c>VACUUM END</c>) when it deleted any.</summary>
    /// <returns>The version of that commit, or null when there was nothing to delete.</returns>
    /// <remarks>A file already gone is not an error (two vacuums may overlap).</remarks>
    public async Task<long?> ExecuteAsync(VacuumPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Files.Count == 0)
        {
            return null;
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = DeleteParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(plan.Files, options, async (file, token) => await store.DeleteAsync(ObjectPath.Combine(_tablePath, file.Path), token));

        var transaction = await new DeltaTable(store, _tablePath, _clock).StartTransactionAsync(cancellationToken);
        var parameters = new Dictionary<string, JsonNode?> { ["status"] = "COMPLETED" };
        var extras = new Dictionary<string, JsonNode?>
        {
            ["engineInfo"] = "Medallion",
            ["operationMetrics"] = new JsonObject { ["numDeletedFiles"] = plan.Files.Count, ["numDeletedBytes"] = plan.Bytes },
        };
        return await transaction.CommitAsync("VACUUM END", parameters, extras, cancellationToken);
    }

    /// <summary>The log, and files or folders whose name starts with <c>_</c> or <c>.</c> (a partition folder <c>_col=v</c> is data).</summary>
    private static bool IsHidden(string path)
    {
        var segments = path.Split('/');
        if (segments[^1].StartsWith('_') || segments[^1].StartsWith('.'))
        {
            return true;
        }

        return segments[..^1].Any(segment => (segment.StartsWith('_') || segment.StartsWith('.')) && !segment.Contains('=', StringComparison.Ordinal));
    }
}
