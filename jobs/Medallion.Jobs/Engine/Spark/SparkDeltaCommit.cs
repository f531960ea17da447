using Medallion.Delta;
using Medallion.Delta.Storage;

namespace Medallion.Jobs.Engine.Spark;

/// <summary>
/// What delta-spark committed, read back through Medallion's own Delta reader (which also proves
/// the table stays readable by it): the table's version and the data files that version added.
/// </summary>
public static class SparkDeltaCommit
{
    /// <exception cref="MedallionException">There is no Delta table at <paramref name="tablePath"/>.</exception>
    public static async Task<(long Version, int FilesAdded)> ReadAsync(IObjectStore store, string tablePath, CancellationToken cancellationToken = default)
    {
        var table = new DeltaTable(store, tablePath);
        var latest = await table.LoadSnapshotAsync(cancellationToken: cancellationToken);
        var before = latest.Version == 0
            ? new HashSet<string>(StringComparer.Ordinal)
            : (await table.LoadSnapshotAsync(latest.Version - 1, cancellationToken)).Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        return (latest.Version, latest.Files.Count(f => !before.Contains(f.Path)));
    }
}
