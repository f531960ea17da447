using Medallion.Delta.Storage;
using Parquet;

namespace Medallion.Delta.Reading;

/// <summary>The size of a snapshot: live files, records and bytes (what <c>medallion table inspect</c> prints).</summary>
/// <param name="NumFiles">Live data files.</param>
/// <param name="NumRecords">
/// Rows in the live files: from <c>add.stats</c>, and from the Parquet footers for files without
/// statistics; <see langword="null"/> when a file without statistics is missing from the store.
/// </param>
/// <param name="SizeInBytes">The sum of the live files' sizes as the log records them.</param>
/// <param name="FilesCountedFromData">Files whose rows were counted from their footers because they had no statistics.</param>
/// <param name="MissingFiles">Files without statistics that are not in the store (so <see cref="NumRecords"/> is unknown).</param>
public sealed record DeltaSnapshotSummary(int NumFiles, long? NumRecords, long SizeInBytes, int FilesCountedFromData, IReadOnlyList<string> MissingFiles)
{
    /// <summary>Summarizes <paramref name="snapshot"/>, reading footers (staged locally for remote stores) only for files without statistics.</summary>
    /// <param name="store">The store the snapshot was read from.</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="stagingDirectory">Where remote files without statistics are downloaded to be counted.</param>
    /// <param name="cancellationToken">Cancels downloads and footer reads.</param>
    public static async Task<DeltaSnapshotSummary> CreateAsync(IObjectStore store, DeltaSnapshot snapshot, string stagingDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(snapshot);
        var fromStats = snapshot.Files.Where(file => file.Stats is not null).Sum(file => file.Stats!.NumRecords);
        var unknown = new List<AddFile>();
        var missing = new List<string>();
        foreach (var file in snapshot.Files.Where(file => file.Stats is null))
        {
            var exists = !file.IsAbsoluteUri && await store.ExistsAsync(ObjectPath.Combine(snapshot.TablePath, file.Path), cancellationToken);
            if (exists)
            {
                unknown.Add(file);
            }
            else
            {
                missing.Add(file.Path);
            }
        }

        long? records = missing.Count > 0 ? null : fromStats + await CountRowsAsync(store, snapshot, unknown, stagingDirectory, cancellationToken);
        return new DeltaSnapshotSummary(snapshot.Files.Count, records, snapshot.Files.Sum(file => file.Size), unknown.Count, missing);
    }

    private static async Task<long> CountRowsAsync(IObjectStore store, DeltaSnapshot snapshot, List<AddFile> files, string stagingDirectory, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            return 0;
        }

        var root = await DeltaFileStaging.StageAsync(store, snapshot, stagingDirectory, files, cancellationToken);
        long rows = 0;
        foreach (var file in files)
        {
            var local = Path.Combine(root, file.Path.Replace('/', Path.DirectorySeparatorChar));
            try
            {
                await using var reader = await ParquetReader.CreateAsync(local, cancellationToken: cancellationToken);
                rows += reader.Metadata?.NumRows ?? 0;
            }
            catch (Exception error) when (error is ParquetException or IOException)
            {
                throw new DeltaFormatException($"The live data file '{store.Describe(ObjectPath.Combine(snapshot.TablePath, file.Path))}' has no readable Parquet footer: {error.Message}", error);
            }
        }

        return rows;
    }
}
