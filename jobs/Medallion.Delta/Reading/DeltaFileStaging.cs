using Medallion.Delta.Log;
using Medallion.Delta.Storage;

namespace Medallion.Delta.Reading;

/// <summary>
/// Gives a local reader (the DuckDB engine, footer reads) a local folder holding a snapshot's data
/// files: the table folder itself on a local store, or a download of the live files into a staging
/// folder for any other store.
/// </summary>
/// <remarks>
/// DuckDB here has no network extensions, so S3 data is read from local copies. Files already
/// staged with the same size are not downloaded again, so one staging folder can serve several
/// snapshots of a table. Each file streams to disk (a file larger than memory is fine) and appears
/// under its name only once complete, so an interrupted download is fetched again next time.
/// </remarks>
public static class DeltaFileStaging
{
    /// <summary>How many files are downloaded at once.</summary>
    private const int Parallelism = 8;

    /// <summary>Returns the local table folder that holds the files, laid out as in the table (the engine's snapshot view reads it).</summary>
    /// <param name="store">The store the snapshot was read from.</param>
    /// <param name="snapshot">The snapshot whose files are needed.</param>
    /// <param name="stagingDirectory">Where downloads go (ignored for a local store).</param>
    /// <param name="files">Only these files (default: every live file).</param>
    /// <param name="cancellationToken">Cancels the downloads.</param>
    /// <remarks>Throws <see cref="DeltaFormatException"/> when a live file is missing from the store.</remarks>
    public static async Task<string> StageAsync(
        IObjectStore store,
        DeltaSnapshot snapshot,
        string stagingDirectory,
        IEnumerable<AddFile>? files = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(snapshot);
        if (store is LocalObjectStore local)
        {
            return snapshot.TablePath.Length == 0 ? local.RootDirectory : local.Describe(snapshot.TablePath);
        }

        ArgumentException.ThrowIfNullOrEmpty(stagingDirectory);
        var root = Path.GetFullPath(stagingDirectory);
        var wanted = (files ?? snapshot.Files).ToList();
        foreach (var file in wanted)
        {
            if (LogPathCodec.IsAbsoluteUri(file.Path))
            {
                throw new DeltaUnsupportedFeatureException(
                    $"The data file '{file.Path}' of '{store.Describe(snapshot.TablePath)}' has an absolute URI; Medallion stages only files inside the table folder.");
            }

            // A log path with '..' must not write outside the staging folder.
            if (file.Path.Split('/').Any(segment => segment is ".." or "."))
            {
                throw new DeltaFormatException($"The data file path '{file.Path}' in '{store.Describe(snapshot.TablePath)}' leaves the table folder.");
            }
        }

        // Paths are all checked before the first download; then several files move at once, as raw files and uploads do.
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(wanted, options, async (file, token) =>
        {
            var target = Path.Combine(root, file.Path.Replace('/', Path.DirectorySeparatorChar));
            if (File.Exists(target) && new FileInfo(target).Length == file.Size)
            {
                return;
            }

            var source = ObjectPath.Combine(snapshot.TablePath, file.Path);
            if (!await store.TryDownloadFileAsync(source, target, token))
            {
                throw new DeltaFormatException($"The live data file '{store.Describe(source)}' is missing from the store.");
            }
        });

        return root;
    }
}
