using Medallion.Delta.Storage;

namespace Medallion.Orchestration.Promotion;

/// <summary>
/// The promotion's copy loop: copies objects within one store, a bounded number at once (on S3
/// each copy is a server-side round trip, so copies in flight hide one another's latency).
/// </summary>
/// <remarks>
/// <see cref="Promoter"/> copies a run's files under <c>current/</c> with it, and
/// <c>medallion bench promotion</c> times it against the same code with one copy at a time, so
/// the benchmark measures exactly what a promotion runs.
/// </remarks>
public static class FileCopier
{
    /// <summary>Copies every source to its target, at most <paramref name="parallelism"/> at once.</summary>
    /// <param name="store">The store holding both sides.</param>
    /// <param name="copies">Store paths: each source and the target it is copied to (overwritten).</param>
    /// <param name="parallelism">Copies in flight at once; 1 copies one after another.</param>
    /// <param name="cancellationToken">Stops starting copies and cancels those in flight.</param>
    /// <returns>How many objects were copied (all of them, unless it throws).</returns>
    /// <remarks>
    /// Stops at the first failure and throws what the store threw (a missing source is a
    /// <see cref="FileNotFoundException"/>, an S3 failure a <see cref="MedallionException"/>);
    /// copies already made stay.
    /// </remarks>
    public static async Task<int> CopyAsync(
        IObjectStore store, IReadOnlyList<(string Source, string Target)> copies, int parallelism, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(copies);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        var copied = 0;
        await Parallel.ForEachAsync(
            copies,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (copy, token) =>
            {
                await store.CopyAsync(copy.Source, copy.Target, token);
                if (Interlocked.Increment(ref copied) == 1)
                {
                    // The crash tests kill the process here: some files copied, the rest not.
                    CrashPoints.Reach(CrashPoints.PromoteCopying);
                }
            });
        return copied;
    }
}
