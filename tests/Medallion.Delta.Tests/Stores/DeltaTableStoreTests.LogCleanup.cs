using Medallion.Delta.Log;
using Medallion.Delta.Storage;
using Medallion.Testing;

namespace Medallion.Delta.Tests.Stores;

/// <summary>Log cleanup and checkpoint tombstones (issue 17): the cost of reading a table stays flat as it ages.</summary>
public abstract partial class DeltaTableStoreTests
{
    private static readonly Dictionary<string, string> AgingProperties = new()
    {
        ["delta.checkpointInterval"] = "3",
        ["delta.logRetentionDuration"] = "interval 10 hours",
        ["delta.deletedFileRetentionDuration"] = "interval 4 hours",
    };

    [Fact]
    public async Task CommitAsync_LogOlderThanRetention_RemovesItBelowACheckpointAndKeepsTimeTravelWithinRetention()
    {
        var (sut, counting) = await AgeTableAsync(commits: 31);

        var files = await LogFiles.ListAsync(Store, "aging", CancellationToken.None);
        // Checkpoint 30 is written at hour 30; the cutoff is hour 20, and the newest checkpoint at or
        // before it is 18: everything below 18 goes, everything from 18 on stays.
        Assert.Equal(18, files.Commits.Keys.Min());
        Assert.Equal([18, 21, 24, 27, 30], files.Checkpoints);
        for (var version = 18; version <= 30; version++)
        {
            var snapshot = await sut.LoadSnapshotAsync(version);
            Assert.Equal([$"f{version}.parquet"], snapshot.Files.Select(f => f.Path));
        }

        await Assert.ThrowsAsync<DeltaVersionNotFoundException>(() => sut.LoadSnapshotAsync(17));
        Assert.NotNull(counting);
    }

    [Fact]
    public async Task LoadSnapshotAsync_AgedTable_ReadsNoMoreCommitFilesThanAYoungOne()
    {
        var (sut, counting) = await AgeTableAsync(commits: 4);
        counting.Reset();
        await sut.LoadSnapshotAsync();
        var young = counting.Counts;

        (sut, counting) = await AgeTableAsync(commits: 31, tablePath: "aging-old");
        counting.Reset();
        await sut.LoadSnapshotAsync();
        var old = counting.Counts;

        // Within one checkpoint interval (3) of each other, and the log listing does not grow either.
        Assert.InRange(old.CommitFilesRead, 0, young.CommitFilesRead + 3);
        Assert.Equal(young.List, old.List);
        var listed = await Store.ListAsync("aging-old/_delta_log");
        Assert.InRange(listed.Count, 1, 20);
    }

    [Fact]
    public async Task CheckpointWriter_Tombstones_KeepsThoseWithinTheDeletedFileRetentionOnly()
    {
        await AgeTableAsync(commits: 31);

        var checkpoint = await CheckpointReader.ReadAsync(Store, "aging", 30, CancellationToken.None);

        // Each commit v removed f{v-1} at hour v; the checkpoint at hour 30 keeps hours 26 to 30.
        Assert.Equal(["f25.parquet", "f26.parquet", "f27.parquet", "f28.parquet", "f29.parquet"], checkpoint.Removes.Select(r => r.Path).Order(StringComparer.Ordinal));
        Assert.All(checkpoint.Removes, r => Assert.Equal(10, r.Size));
        Assert.Equal(["f30.parquet"], checkpoint.Adds.Select(a => a.Path));
        var snapshot = await new DeltaTable(Store, "aging").LoadSnapshotAsync();
        Assert.Equal(checkpoint.Removes.Select(r => r.Path).Order(StringComparer.Ordinal), snapshot.Tombstones.Select(t => t.Path));
    }

    /// <summary>Commits 0…<paramref name="commits"/>-1 an hour apart; commit v adds f{v} and removes f{v-1}.</summary>
    private async Task<(DeltaTable Table, CountingObjectStore Counting)> AgeTableAsync(int commits, string tablePath = "aging")
    {
        var counting = new CountingObjectStore(new ClockedObjectStore(Store, _clock));
        var sut = new DeltaTable(counting, tablePath, _clock);
        for (var version = 0; version < commits; version++)
        {
            _clock.Advance(TimeSpan.FromHours(1));
            var transaction = await sut.StartTransactionAsync();
            if (version == 0)
            {
                transaction.SetMetadata(Schema, [], AgingProperties);
            }

            foreach (var live in transaction.ReadSnapshot?.Files ?? [])
            {
                transaction.Remove(live);
            }

            transaction.Add(new AddFile($"f{version}.parquet", new Dictionary<string, string?>(), 10, 1_700_000_000_000, DataChange: true, Stats: null));
            await transaction.CommitAsync("WRITE");
        }

        return (sut, counting);
    }
}
