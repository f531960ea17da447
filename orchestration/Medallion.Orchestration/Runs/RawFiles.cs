using Medallion.Delta.Storage;
using Medallion.Jobs.Config;
using Medallion.Jobs.Engine;
using Medallion.Jobs.Engine.Spark;

namespace Medallion.Orchestration.Runs;

/// <summary>
/// The raw root of a run: its files are found by listing the store and matching each table's glob
/// (the same matching as the Spark job host), then made local for DuckDB. A local root is read in
/// place; any other store's matching objects are downloaded below <see cref="LocalRoot"/> under
/// their store paths, so <c>_source_file</c> and the ledger name the object (relative to the raw
/// root), never a staging path.
/// </summary>
internal sealed class RawFiles(IObjectStore store, string localRoot) : IDisposable
{
    /// <summary>How many objects are downloaded at once (each streams to disk, so a raw file may exceed memory).</summary>
    private const int Parallelism = 8;

    /// <summary>The local folder the staged paths start with: the raw root itself, or its staging copy.</summary>
    public string LocalRoot { get; } = Path.GetFullPath(localRoot);

    /// <summary>Where a raw path is, for messages (a local path or an <c>s3://</c> URI).</summary>
    public string Describe(string path) => store.Describe(path);

    /// <summary>The files a table reads, in name order.</summary>
    /// <exception cref="MedallionException">The glob climbs out of the raw root, or the store cannot be listed.</exception>
    public Task<IReadOnlyList<ObjectInfo>> ResolveAsync(TableSpec table, CancellationToken cancellationToken = default) =>
        RawInputs.ResolveAsync(store, table, cancellationToken);

    /// <summary>Every object below <c>{dataset}/</c>, to warn about raw files no table reads.</summary>
    public Task<IReadOnlyList<ObjectInfo>> ListDatasetAsync(string dataset, CancellationToken cancellationToken = default) =>
        store.ListAsync(dataset + "/", cancellationToken);

    /// <summary>The local paths of <paramref name="files"/>, downloading them first unless the raw root is local.</summary>
    /// <param name="staged">Told how many files are local so far, after each download (once, with all of them, for a local root).</param>
    /// <exception cref="MedallionException">An object vanished or cannot be read.</exception>
    public async Task<IReadOnlyList<string>> StageAsync(IReadOnlyList<ObjectInfo> files, Action<int>? staged = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var local = files.Select(f => Path.Combine(LocalRoot, f.Path.Replace('/', Path.DirectorySeparatorChar))).ToList();
        if (store is LocalObjectStore)
        {
            if (files.Count > 0)
            {
                staged?.Invoke(files.Count);
            }

            return local;
        }

        var done = 0;

        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, files.Count), options, async (i, token) =>
        {
            if (!await store.TryDownloadFileAsync(files[i].Path, local[i], token))
            {
                throw new RunFailedException($"The raw file {store.Describe(files[i].Path)} was listed but is gone; was it moved while the run started?");
            }

            staged?.Invoke(Interlocked.Increment(ref done));
        });
        return local;
    }

    public void Dispose() => (store as IDisposable)?.Dispose();
}
