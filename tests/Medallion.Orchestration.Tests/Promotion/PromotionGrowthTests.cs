using Medallion.Delta;
using Medallion.Delta.Storage;
using Medallion.Orchestration.Ledger;
using Medallion.Orchestration.Promotion;
using Medallion.Orchestration.Rollback;
using Medallion.Testing;
using Medallion.Testing.Moto;

namespace Medallion.Orchestration.Tests.Promotion;

/// <summary>
/// Issue 17: a promotion, a rollback and the runs listing cost the same on an old table as on a
/// young one, and log cleanup keeps every promotion within the retention restorable. Local and S3.
/// </summary>
public abstract class PromotionGrowthTests(MotoServer? moto) : IDisposable
{
    private const int Interval = 3;

    private readonly SalesLake _sut = new(moto: moto);

    public void Dispose()
    {
        _sut.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A lake in a local folder.</summary>
    public sealed class Local() : PromotionGrowthTests(moto: null);

    /// <summary>A lake and raw root in a moto bucket.</summary>
    [Collection(MotoCollection.Name)]
    public sealed class OnS3(MotoServer moto) : PromotionGrowthTests(moto);

    [Fact]
    public async Task PromoteAsync_ManyRuns_NewestReadsNoMoreCommitFilesThanAnEarlyOne()
    {
        var counting = new CountingObjectStore(_sut.Lake.Store);
        var reads = new Dictionary<int, long>();
        var currentLoads = new Dictionary<int, int>();
        await PublishManyAsync(14, counting, (run, counts) =>
        {
            reads[run] = counts.CommitFilesRead;
            // A snapshot load lists the log: the pointer check, publish-once and the commit share one load of current/.
            currentLoads[run] = counting.ListedPrefixes.Count(p => p.TrimEnd('/') == SalesLake.Current + "/_delta_log");
        });

        // One load per promotion; a commit that writes a checkpoint (every third here) lists the log once more, to clean it up.
        Assert.All(currentLoads, pair => Assert.Equal(pair.Key % Interval == 0 ? 2 : 1, pair.Value));
        // Runs 4 and 13 leave current/ at the same place between checkpoints (versions 4 and 13, interval 3).
        Assert.InRange(reads[13], 0, reads[4]);
        // Any later run: at most one interval more for the one snapshot of current/ it loads, never the history.
        Assert.All(reads.Where(pair => pair.Key >= 4), pair => Assert.InRange(pair.Value, 0, reads[4] + (Interval - 1)));

        counting.Reset();
        var listed = await new RunLedger(counting).ListAsync(_sut.Table.Layout);
        Assert.Equal(14, listed.Count);
        counting.Reset();
        listed = await new RunLedger(counting).ListAsync(_sut.Table.Layout);
        Assert.Equal(14, listed.Count);
        Assert.DoesNotContain(counting.ListedPrefixes, prefix => prefix.StartsWith(_sut.Table.Layout.SilverRuns, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RollbackAsync_AfterLogCleanup_RestoresAnyPromotionWithinTheRetention()
    {
        // Each run moves the clock a minute; 6 minutes of log are kept.
        var clocked = new ClockedObjectStore(_sut.Lake.Store, _sut.Clock);
        await PublishManyAsync(14, clocked, (_, _) => { }, retention: "interval 6 minutes");
        var files = (await _sut.Lake.Store.ListAsync(SalesLake.Current + "/_delta_log/")).Select(o => o.Path).ToList();
        Assert.DoesNotContain(files, path => path.EndsWith($"{0:D20}.json", StringComparison.Ordinal));

        var table = new LakeTable(clocked, _sut.Table.Dataset, _sut.Table.Table);
        var rollback = new RollbackService(_sut.Clock, _sut.Reporter);
        var restored = await rollback.RollbackAsync(table, "r10");
        Assert.True(restored.Changed);
        Assert.Equal("r10", restored.Record.RunKey);
        Assert.Equal(["10:1.00:r10"], _sut.CurrentRows());

        var gone = await Assert.ThrowsAsync<MedallionException>(() => rollback.RollbackAsync(table, "r02"));
        Assert.Contains("log retention", gone.Message, StringComparison.Ordinal);
        Assert.Equal(["10:1.00:r10"], _sut.CurrentRows());
    }

    /// <summary>
    /// Publishes r01…r<paramref name="runs"/> (one row each, same month, so each replaces the last), current/
    /// set to checkpoint every <see cref="Interval"/> commits; promotions go through <paramref name="store"/>.
    /// </summary>
    private async Task PublishManyAsync(int runs, IObjectStore store, Action<int, ObjectStoreRequestCounts> measured, string retention = "interval 30 days")
    {
        var table = new LakeTable(store, _sut.Table.Dataset, _sut.Table.Table);
        for (var run = 1; run <= runs; run++)
        {
            var key = $"r{run:D2}";
            await _sut.RunAsync(key, $"{run},1.00,2024-01-05");
            Assert.True((await _sut.ValidateAsync(key)).Passed);
            (store as CountingObjectStore)?.Reset();
            var result = await new Promoter(_sut.Clock, _sut.Reporter).PromoteAsync(table, key);
            Assert.False(result.AlreadyPromoted);
            if (store is CountingObjectStore counting)
            {
                measured(run, counting.Counts);
            }

            if (run == 1)
            {
                var current = new DeltaTable(store, SalesLake.Current, _sut.Clock);
                var transaction = await current.StartTransactionAsync();
                var metadata = transaction.ReadSnapshot!.Metadata;
                transaction.SetMetadata(metadata.Schema, metadata.PartitionColumns, new Dictionary<string, string>
                {
                    ["delta.checkpointInterval"] = $"{Interval}",
                    ["delta.logRetentionDuration"] = retention,
                });
                await transaction.CommitAsync("SET TBLPROPERTIES");
            }
        }
    }
}
