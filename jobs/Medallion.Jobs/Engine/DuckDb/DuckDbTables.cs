using Medallion.Delta;
using Medallion.Delta.Storage;
using Medallion.Jobs.Lake;
using Medallion.Jobs.Plan;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>
/// The lake as the embedded engine sees it: a local folder (DuckDB writes files into it) behind
/// an object store (the Delta log goes through it, with put-if-absent commits). When the folder is
/// the store's own root (a local lake) files are already in place; otherwise (an S3 lake) it is a
/// staging folder, data files are uploaded before they are committed and the files a step reads
/// are downloaded into it.
/// </summary>
public sealed partial class DuckDbTables(string lakeDirectory, IObjectStore store, TimeProvider clock)
{
    public string LakeDirectory { get; } = Path.GetFullPath(lakeDirectory);

    public IObjectStore Store { get; } = store;

    public TimeProvider Clock { get; } = clock;

    public string LocalPath(string tablePath) => LocalPath(LakeDirectory, tablePath);

    /// <summary>Where the engine writes the table at <paramref name="tablePath"/> (relative to the lake) when it works in <paramref name="lakeDirectory"/>.</summary>
    public static string LocalPath(string lakeDirectory, string tablePath) => Path.Combine(lakeDirectory, tablePath.Replace('/', Path.DirectorySeparatorChar));

    public DeltaTable Open(string tablePath) => new(Store, tablePath, Clock);

    /// <summary>
    /// The live files that hold rows of <paramref name="runKey"/>. Medallion writes each run's
    /// rows into files of their own and tags each file with its run key; for files without the
    /// tag, the <c>_run_key</c> partition value or stats bounds say which run a file belongs to.
    /// </summary>
    /// <exception cref="MedallionException">A file mixes this run with others, so it cannot be replaced alone.</exception>
    public static IReadOnlyList<AddFile> FilesOfRun(DeltaSnapshot? snapshot, string runKey)
    {
        var files = new List<AddFile>();
        foreach (var file in snapshot?.Files ?? [])
        {
            switch (Holds(file, runKey))
            {
                case true:
                    files.Add(file);
                    break;
                case null:
                    throw new MedallionException(
                        $"Cannot tell whether file '{file.Path}' of table '{snapshot!.TablePath}' holds rows of run '{runKey}': " +
                        "it has no _run_key bounds or holds several runs. Medallion writes one run per file; was the table written by another tool?");
            }
        }

        return files;
    }

    /// <summary>
    /// Replaces the rows of <paramref name="runKey"/> in <paramref name="transaction"/>: removes its live
    /// files (<see cref="FilesOfRun"/>) and counts "the rows of the key" as read, so a concurrent commit
    /// that adds or removes a file of the key (another attempt of the same run) conflicts instead of
    /// leaving both attempts' rows live.
    /// </summary>
    /// <returns>The files removed.</returns>
    /// <exception cref="MedallionException">A live file mixes this run with others, so it cannot be replaced alone.</exception>
    internal static IReadOnlyList<AddFile> ReplaceRun(DeltaTransaction transaction, string runKey)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        _ = FilesOfRun(transaction.ReadSnapshot, runKey);
        // A file another writer adds that cannot be told apart counts as the key's: a conflict is safer than a double.
        return transaction.ReplaceFilesWhere(file => Holds(file, runKey) != false, $"the rows of run key '{runKey}'");
    }

    /// <summary>Whether a file holds rows of the run: from its tag, its <c>_run_key</c> partition or its stats bounds; null when they cannot tell.</summary>
    private static bool? Holds(AddFile file, string runKey)
    {
        if (file.Tags?.GetValueOrDefault(LakeLayout.RunKeyTag) is { } tagged)
        {
            return tagged == runKey;
        }

        if (file.PartitionValues.TryGetValue(LineageColumns.RunKey, out var partition))
        {
            return partition == runKey;
        }

        var min = file.Stats?.MinValues.GetValueOrDefault(LineageColumns.RunKey)?.GetValue<string>();
        var max = file.Stats?.MaxValues.GetValueOrDefault(LineageColumns.RunKey)?.GetValue<string>();
        if (min == runKey && max == runKey)
        {
            return true;
        }

        return min is null || max is null || (string.CompareOrdinal(min, runKey) <= 0 && string.CompareOrdinal(runKey, max) <= 0) ? null : false;
    }
}
