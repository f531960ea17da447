using Medallion.Delta.Storage;
using Medallion.Jobs.Config;
using Medallion.Jobs.Engine;
using Medallion.Jobs.Engine.DuckDb;
using Medallion.Jobs.Plan;
using Medallion.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Jobs.Tests.Engine.DuckDb;

/// <summary>
/// Issue 16, the Delta way: two attempts of one run key whose bronze steps overlap (both read the
/// table, both write their files, then both commit) used to leave both attempts' rows live. The
/// replace-by-run-key commit counts "the rows of the key" as read, so the second commit conflicts.
/// </summary>
public sealed class RunKeyCommitConflictTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
    private const string Bronze = "bronze/shop/orders/schema_v=1";
    private readonly TestLake _lake = new();
    private readonly TablePlan _plan;
    private readonly string _file;
    private readonly string _seed;
    private readonly string _other;

    public RunKeyCommitConflictTests()
    {
        var dataset = ConfigLoader.LoadDataset(_lake.WriteDataset("shop", """
            dataset: shop
            tables:
              - name: orders
                source: { path: shop/*.csv, format: csv }
                columns:
                  - { name: id, type: string }
            """));
        _plan = PlanCompiler.Compile(dataset, dataset.Tables.Single());
        // Each run reads objects of its own: bronze holds an object's records once, so two keys
        // re-reading one object is a conflict of its own (IncrementalIngestionTests), not this one.
        _seed = _lake.WriteRaw("shop/seed.csv", "id\nx\ny\nz\n");
        _file = _lake.WriteRaw("shop/orders.csv", "id\na\nb\nc\n");
        _other = _lake.WriteRaw("shop/orders-2.csv", "id\nd\ne\nf\n");
    }

    public void Dispose() => _lake.Dispose();

    [Fact]
    public async Task RunBronzeAsync_TwoAttemptsOfOneKeyCommitTogether_OneFailsSayingAnotherWriterCommittedAndTheKeyHoldsItsRowsOnce()
    {
        await Engine(new LocalObjectStore(_lake.LakeRoot), "seed").RunBronzeAsync(_plan, new RunContext("k0", Start), [_seed], _lake.RawRoot);
        var store = new CommitTogetherStore(new LocalObjectStore(_lake.LakeRoot), attempts: 2);

        var results = await Task.WhenAll(Attempt(store, "a", "k1", _file), Attempt(store, "b", "k1", _file));

        var failure = Assert.Single(results.OfType<RunFailedException>());
        Assert.Single(results, r => r is null);
        Assert.Contains("while this attempt of run key 'k1' was writing", failure.Message, StringComparison.Ordinal);
        Assert.Contains("this transaction replaces the rows of run key 'k1'", failure.Message, StringComparison.Ordinal);
        Assert.Equal(3, _lake.Count(Bronze, "_run_key = 'k1'"));
        Assert.Equal(3, _lake.Count(Bronze, "_run_key = 'k0'"));
    }

    [Fact]
    public async Task RunBronzeAsync_TwoKeysCommitTogether_BothCommit()
    {
        await Engine(new LocalObjectStore(_lake.LakeRoot), "seed").RunBronzeAsync(_plan, new RunContext("k0", Start), [_seed], _lake.RawRoot);
        var store = new CommitTogetherStore(new LocalObjectStore(_lake.LakeRoot), attempts: 2);

        var results = await Task.WhenAll(Attempt(store, "a", "k1", _file), Attempt(store, "b", "k2", _other));

        Assert.All(results, Assert.Null);
        Assert.Equal(3, _lake.Count(Bronze, "_run_key = 'k1'"));
        Assert.Equal(3, _lake.Count(Bronze, "_run_key = 'k2'"));
    }

    /// <summary>One attempt in a staging folder of its own (as on S3), so both write their files before either commits.</summary>
    private async Task<Exception?> Attempt(IObjectStore store, string name, string runKey, string file)
    {
        try
        {
            await Task.Yield();
            await Engine(store, name).RunBronzeAsync(_plan, new RunContext(runKey, Start), [file], _lake.RawRoot);
            return null;
        }
        catch (RunFailedException failure)
        {
            return failure;
        }
    }

    private DuckDbEngine Engine(IObjectStore store, string staging) => new(
        new DuckDbSpec("1GB", _lake.EngineTempDirectory, Threads: 1),
        new DuckDbTables(store is LocalObjectStore ? _lake.LakeRoot : Path.Combine(_lake.Root, "staging-" + staging), store, new FakeTimeProvider(Start)));

    /// <summary>Holds the first <paramref name="attempts"/> bronze commits until all of them are ready, then lets them race for the version.</summary>
    private sealed class CommitTogetherStore(IObjectStore inner, int attempts) : IObjectStore
    {
        private readonly AsyncBarrier _barrier = new(attempts);
        private int _waiting;

        public string Describe(string path) => inner.Describe(path);

        public Task<IReadOnlyList<ObjectInfo>> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

        public Task<byte[]?> TryReadAsync(string path, CancellationToken cancellationToken = default) => inner.TryReadAsync(path, cancellationToken);

        public Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) => inner.WriteAsync(path, content, cancellationToken);

        public async Task<bool> PutIfAbsentAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
        {
            if (path.Contains("/_delta_log/", StringComparison.Ordinal) && Interlocked.Increment(ref _waiting) <= attempts)
            {
                await _barrier.SignalAndWaitAsync();
            }

            return await inner.PutIfAbsentAsync(path, content, cancellationToken);
        }

        public Task UploadFileAsync(string localFile, string path, CancellationToken cancellationToken = default) => inner.UploadFileAsync(localFile, path, cancellationToken);

        public Task<bool> TryDownloadFileAsync(string path, string localFile, CancellationToken cancellationToken = default) => inner.TryDownloadFileAsync(path, localFile, cancellationToken);

        public Task CopyAsync(string sourcePath, string destinationPath, CancellationToken cancellationToken = default) => inner.CopyAsync(sourcePath, destinationPath, cancellationToken);

        public Task DeleteAsync(string path, CancellationToken cancellationToken = default) => inner.DeleteAsync(path, cancellationToken);

        public Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default) => inner.ExistsAsync(path, cancellationToken);
    }
}
