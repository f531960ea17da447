using Medallion.Delta.Log;
using Medallion.Delta.Storage;

namespace Medallion.Delta.Cleanup;

/// <summary>
/// Removes expired log files after a checkpoint, as delta-spark's <c>MetadataCleanup</c> and
/// delta-rs' <c>cleanup_expired_logs_for</c> do: commits and checkpoints older than
/// <c>delta.logRetentionDuration</c> go, but only below the newest checkpoint that is itself older
/// than the retention, so every version younger than the retention can still be rebuilt (time
/// travel) and the latest version always can.
/// </summary>
/// <remarks>
/// Age is the object's last-modified time in the store listing, as the protocol defines a commit's
/// time; <c>_last_checkpoint</c> and files that are not commits or classic checkpoints are left alone.
/// Set <c>delta.enableExpiredLogCleanup=false</c> to keep the whole log.
/// </remarks>
internal static class LogCleanup
{
    private const int DeleteParallelism = 8;

    /// <summary>Deletes the expired log files at or below <paramref name="checkpointVersion"/>; returns how many went.</summary>
    public static async Task<int> RunAsync(IObjectStore store, string tablePath, DeltaMetadata metadata, long checkpointVersion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!TableProperties.ExpiredLogCleanup(metadata))
        {
            return 0;
        }

        var cutoff = now - TableProperties.LogRetention(metadata);
        var files = await LogFiles.ListAsync(store, tablePath, cancellationToken);
        var expired = Expired(files, checkpointVersion, cutoff);
        await Parallel.ForEachAsync(
            expired,
            new ParallelOptions { MaxDegreeOfParallelism = DeleteParallelism, CancellationToken = cancellationToken },
            async (path, token) => await store.DeleteAsync(path, token));
        return expired.Count;
    }

    /// <summary>The paths to delete: every commit and checkpoint below the newest checkpoint (up to <paramref name="checkpointVersion"/>) written before <paramref name="cutoff"/>.</summary>
    internal static List<string> Expired(LogFiles files, long checkpointVersion, DateTimeOffset cutoff)
    {
        var boundary = files.CheckpointFiles
            .Where(pair => pair.Key <= checkpointVersion && pair.Value.LastModified <= cutoff)
            .Select(pair => (long?)pair.Key)
            .LastOrDefault();
        if (boundary is not { } keepFrom)
        {
            return [];
        }

        return
        [
            .. files.Commits.Where(pair => pair.Key < keepFrom && pair.Value.LastModified <= cutoff).Select(pair => pair.Value.Path),
            .. files.CheckpointFiles.Where(pair => pair.Key < keepFrom).Select(pair => pair.Value.Path),
        ];
    }
}
