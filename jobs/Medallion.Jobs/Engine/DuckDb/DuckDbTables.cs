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
        if (snapshot is null)
        {
            return [];
        }

        var files = new List<AddFile>();
        foreach (var file in snapshot.Files)
        {
            if (file.Tags?.GetValueOrDefault(LakeLayout.RunKeyTag) is { } tagged)
            {
                if (tagged == runKey)
                {
                    files.Add(file);
                }

                continue;
            }

            if (file.PartitionValues.TryGetValue(LineageColumns.RunKey, out var partition))
            {
                if (partition == runKey)
                {
                    files.Add(file);
                }

                continue;
            }

            var min = file.Stats?.MinValues.GetValueOrDefault(LineageColumns.RunKey)?.GetValue<string>();
            var max = file.Stats?.MaxValues.GetValueOrDefault(LineageColumns.RunKey)?.GetValue<string>();
            if (min == runKey && max == runKey)
            {
                files.Add(file);
            }
            else if (min is null || max is null || (string.CompareOrdinal(min, runKey) <= 0 && string.CompareOrdinal(runKey, max) <= 0))
            {
                throw new MedallionException(
                    $"Cannot tell whether file '{file.Path}' of table '{snapshot.TablePath}' holds rows of run '{runKey}': " +
                    "it has no _run_key bounds or holds several runs. Medallion writes one run per file; was the table written by another tool?");
            }
        }

        return files;
    }
}
