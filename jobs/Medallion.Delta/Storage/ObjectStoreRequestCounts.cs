namespace Medallion.Delta.Storage;

/// <summary>Requests a <see cref="CountingObjectStore"/> saw, by kind.</summary>
/// <param name="CommitFilesRead">Reads of Delta commit files (<c>_delta_log/{version}.json</c>), also counted in <paramref name="Get"/>.</param>
public sealed record ObjectStoreRequestCounts(long List, long Get, long Put, long Copy, long Delete, long Head, long CommitFilesRead)
{
    /// <summary>Every request, of every kind.</summary>
    public long Total => List + Get + Put + Copy + Delete + Head;
}
