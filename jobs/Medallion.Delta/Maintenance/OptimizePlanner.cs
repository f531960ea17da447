using Medallion.Delta.Writing;

namespace Medallion.Delta.Maintenance;

/// <summary>
/// Chooses which live files an OPTIMIZE compacts: per partition, the files smaller than the
/// target, packed in size order into groups of about the target size (bin packing, as delta-spark
/// does). Files at or above the target are left alone; a partition is compacted only when it has at
/// least <c>minFiles</c> small files, so a second OPTIMIZE right after the first finds nothing to do.
/// </summary>
public static class OptimizePlanner
{
    /// <summary>128 MB, the target delta-spark and delta-rs use (<c>spark.databricks.delta.optimize.maxFileSize</c>).</summary>
    public const long DefaultTargetFileSize = 128L * 1024 * 1024;

    /// <param name="snapshot">The snapshot to compact.</param>
    /// <param name="targetFileSize">The size compacted files aim at, in bytes; files at or above it are left alone.</param>
    /// <param name="minFiles">The fewest small files a partition needs to be compacted (at least 2).</param>
    /// <param name="partitionFilter">Only partitions this accepts (column → value); default every partition.</param>
    /// <param name="keepApart">
    /// Files with different keys are never compacted together (e.g. the run that wrote them, so a
    /// re-run can still replace exactly its own files); default: any files of a partition go together.
    /// </param>
    /// <remarks>Throws <see cref="ArgumentOutOfRangeException"/> for a target below 1 byte or <paramref name="minFiles"/> below 2.</remarks>
    public static OptimizePlan Plan(DeltaSnapshot snapshot, long targetFileSize = DefaultTargetFileSize, int minFiles = 2,
        Func<IReadOnlyDictionary<string, string?>, bool>? partitionFilter = null, Func<AddFile, string?>? keepApart = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetFileSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(minFiles, 2);
        var columns = snapshot.Metadata.PartitionColumns;
        var groups = new List<CompactionGroup>();
        var partitions = snapshot.Files
            .Where(file => !file.IsAbsoluteUri && file.Size < targetFileSize && (partitionFilter?.Invoke(file.PartitionValues) ?? true))
            .GroupBy(file => PartitionScope.Describe(file.PartitionValues, columns), StringComparer.Ordinal)
            .OrderBy(partition => partition.Key, StringComparer.Ordinal);
        foreach (var partition in partitions)
        {
            var small = partition.OrderBy(file => file.Size).ThenBy(file => file.Path, StringComparer.Ordinal).ToList();
            if (small.Count < minFiles)
            {
                continue;
            }

            // Files of one partition can sit in different folders (another writer's layout); each
            // compacted file goes beside the files it replaces, so group by folder too.
            foreach (var folder in small.GroupBy(file => (Folder(file.Path), keepApart?.Invoke(file))))
            {
                groups.AddRange(Pack(folder.ToList(), targetFileSize).Where(bin => bin.Count >= 2).Select(bin => new CompactionGroup(bin[0].PartitionValues, folder.Key.Item1, bin)));
            }
        }

        return new OptimizePlan(snapshot, targetFileSize, groups);
    }

    /// <summary>Fills a bin until it reaches the target, then starts the next; only the last bin is below the target.</summary>
    private static List<List<AddFile>> Pack(List<AddFile> files, long targetFileSize)
    {
        var bins = new List<List<AddFile>>();
        var bin = new List<AddFile>();
        long size = 0;
        foreach (var file in files)
        {
            bin.Add(file);
            size += file.Size;
            if (size >= targetFileSize)
            {
                bins.Add(bin);
                bin = [];
                size = 0;
            }
        }

        if (bin.Count > 0)
        {
            bins.Add(bin);
        }

        return bins;
    }

    private static string Folder(string path) => path.LastIndexOf('/') is var slash and >= 0 ? path[..slash] : "";
}
