using Medallion.Delta;
using Medallion.Delta.Reading;
using Medallion.Delta.Storage;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>Moving data files between the engine's local folder and the lake's store.</summary>
public sealed partial class DuckDbTables
{
    /// <summary>How many files move at once (each streams from disk; a large one in parts).</summary>
    private const int TransferParallelism = 8;

    /// <summary>True when the local folder is a staging copy rather than the lake itself.</summary>
    public bool IsStaged => Store is not LocalObjectStore local || !string.Equals(local.RootDirectory, LakeDirectory, StringComparison.Ordinal);

    /// <summary>
    /// Uploads freshly written files of <paramref name="tablePath"/> from the local folder to the
    /// store, before the commit that adds them (nothing to do for a local lake). A file left behind by
    /// a failed upload is not in the log, so readers never see it.
    /// </summary>
    public async Task UploadAsync(string tablePath, IReadOnlyList<AddFile> files, CancellationToken cancellationToken = default)
    {
        if (!IsStaged)
        {
            return;
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = TransferParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(files, options, async (file, token) =>
        {
            var localFile = Path.Combine(LocalPath(tablePath), file.Path.Replace('/', Path.DirectorySeparatorChar));
            await Store.UploadFileAsync(localFile, $"{tablePath}/{file.Path}", token);
        });
    }

    /// <summary>
    /// Makes <paramref name="files"/> of a snapshot local and returns the folder that holds them: the
    /// table folder of a local lake, or the staging folder (files a step of this run wrote are already there).
    /// </summary>
    public Task<string> StageAsync(DeltaSnapshot snapshot, IReadOnlyList<AddFile> files, CancellationToken cancellationToken = default) =>
        IsStaged
            ? DeltaFileStaging.StageAsync(Store, snapshot, LocalPath(snapshot.TablePath), files, cancellationToken)
            : Task.FromResult(LocalPath(snapshot.TablePath));
}
