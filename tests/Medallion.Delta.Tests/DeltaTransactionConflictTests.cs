using Medallion.Delta.Schema;
using Medallion.Delta.Storage;
using Medallion.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Delta.Tests;

/// <summary>What a transaction that lost its version may and may not be rebased over.</summary>
public sealed class DeltaTransactionConflictTests : IDisposable
{
    private static readonly DeltaSchema Schema = new([new DeltaField("id", DeltaPrimitiveType.Long), new DeltaField("k", DeltaPrimitiveType.String)]);

    private readonly TempDirectory _lake = new("medallion-conflict");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _lake.Dispose();

    private DeltaTable Table() => new(new LocalObjectStore(_lake.Path), "t", _clock);

    private static AddFile File(string name, string? k) =>
        new(name, new Dictionary<string, string?> { ["k"] = k }, 10, 1, DataChange: true, Stats: null);

    private async Task SeedAsync(params AddFile[] files)
    {
        var create = await Table().StartTransactionAsync();
        create.SetMetadata(Schema, ["k"]);
        foreach (var file in files)
        {
            create.Add(file);
        }

        await create.CommitAsync("WRITE");
    }

    [Fact]
    public async Task CommitAsync_BothRemoveTheSameFile_ThrowsConflictNamingTheFile()
    {
        await SeedAsync(File("k=a/1.parquet", "a"));
        var winner = await Table().StartTransactionAsync();
        var sut = await Table().StartTransactionAsync();
        winner.Remove(winner.ReadSnapshot!.Files[0]);
        sut.Remove(sut.ReadSnapshot!.Files[0]);
        await winner.CommitAsync("DELETE");

        var conflict = await Assert.ThrowsAsync<DeltaConflictException>(() => sut.CommitAsync("DELETE"));

        Assert.Contains("removed the file 'k=a/1.parquet'", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(1, conflict.ConflictingVersion);
    }

    [Fact]
    public async Task CommitAsync_ReplacedNewPartitionGetsAConcurrentAppend_ThrowsConflict()
    {
        await SeedAsync();
        var winner = await Table().StartTransactionAsync();
        var sut = await Table().StartTransactionAsync();
        winner.Add(File("k=new/w.parquet", "new"));
        sut.ReplacePartitions([new Dictionary<string, string?> { ["k"] = "new" }]);
        sut.Add(File("k=new/s.parquet", "new"));
        await winner.CommitAsync("WRITE");

        var conflict = await Assert.ThrowsAsync<DeltaConflictException>(() => sut.CommitAsync("WRITE"));

        Assert.Contains("added the file 'k=new/w.parquet' in partition k=new", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitAsync_ReplacesADifferentPartitionThanTheWinner_RetriesAndKeepsBoth()
    {
        await SeedAsync(File("k=a/1.parquet", "a"), File("k=b/1.parquet", "b"));
        var winner = await Table().StartTransactionAsync();
        var sut = await Table().StartTransactionAsync();
        winner.ReplacePartitions([new Dictionary<string, string?> { ["k"] = "a" }]);
        winner.Add(File("k=a/2.parquet", "a"));
        sut.ReplacePartitions([new Dictionary<string, string?> { ["k"] = "b" }]);
        sut.Add(File("k=b/2.parquet", "b"));
        await winner.CommitAsync("WRITE");

        var version = await sut.CommitAsync("WRITE");

        Assert.Equal(2, version);
        Assert.Equal(["k=a/2.parquet", "k=b/2.parquet"], (await Table().LoadSnapshotAsync()).Files.Select(file => file.Path));
    }

    [Fact]
    public async Task CommitAsync_OverwriteRacesAnAppend_ThrowsConflict()
    {
        await SeedAsync(File("k=a/1.parquet", "a"));
        var winner = await Table().StartTransactionAsync();
        var sut = await Table().StartTransactionAsync();
        winner.Add(File("k=z/1.parquet", "z"));
        Assert.Single(sut.Overwrite());
        await winner.CommitAsync("WRITE");

        var conflict = await Assert.ThrowsAsync<DeltaConflictException>(() => sut.CommitAsync("WRITE"));

        Assert.Contains("the whole table", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitAsync_SameAppIdPublishedConcurrently_ThrowsConflict()
    {
        await SeedAsync();
        var winner = await Table().StartTransactionAsync();
        var sut = await Table().StartTransactionAsync();
        winner.SetAppTransaction("promote/orders", 7);
        sut.SetAppTransaction("promote/orders", 7);
        await winner.CommitAsync("WRITE");

        var conflict = await Assert.ThrowsAsync<DeltaConflictException>(() => sut.CommitAsync("WRITE"));

        Assert.Contains("app transaction 'promote/orders'", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitAsync_WinnerChangedTheSchema_ThrowsConflict()
    {
        await SeedAsync();
        var winner = await Table().StartTransactionAsync();
        var sut = await Table().StartTransactionAsync();
        winner.SetMetadata(new DeltaSchema([.. Schema.Fields, new DeltaField("extra", DeltaPrimitiveType.String)]), ["k"], allowAddColumns: true);
        sut.Add(File("k=a/1.parquet", "a"));
        await winner.CommitAsync("ADD COLUMNS");

        var conflict = await Assert.ThrowsAsync<DeltaConflictException>(() => sut.CommitAsync("WRITE"));

        Assert.Contains("changed the table metadata", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitAsync_TwoWritersCreateTheTable_SecondThrowsConflict()
    {
        var winner = await Table().StartTransactionAsync();
        var sut = await Table().StartTransactionAsync();
        winner.SetMetadata(Schema, ["k"]);
        sut.SetMetadata(Schema, ["k"]);
        await winner.CommitAsync("CREATE TABLE");

        var conflict = await Assert.ThrowsAsync<DeltaConflictException>(() => sut.CommitAsync("CREATE TABLE"));

        Assert.Contains("created the table", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(-1, conflict.ReadVersion);
    }

    /// <summary>The checkpoint of a retried commit must hold the files of the commits it lost to, not only its read snapshot's.</summary>
    [Fact]
    public async Task CommitAsync_RetriedCommitLandsOnACheckpointVersion_CheckpointIncludesTheWinnersFiles()
    {
        await SeedAsync(File("k=a/0.parquet", "a"));
        for (var version = 1; version <= 8; version++)
        {
            var append = await Table().StartTransactionAsync();
            append.Add(File($"k=a/{version}.parquet", "a"));
            await append.CommitAsync("WRITE");
        }

        var winner = await Table().StartTransactionAsync();
        var sut = await Table().StartTransactionAsync();
        winner.Add(File("k=w/winner.parquet", "w"));
        sut.Add(File("k=s/sut.parquet", "s"));
        await winner.CommitAsync("WRITE");

        var version10 = await sut.CommitAsync("WRITE");

        System.IO.File.Delete(_lake.Combine("t", "_delta_log", $"{9:D20}.json"));
        var fromCheckpoint = await Table().LoadSnapshotAsync();
        Assert.Equal(10, version10);
        Assert.True(System.IO.File.Exists(_lake.Combine("t", "_delta_log", $"{10:D20}.checkpoint.parquet")));
        Assert.Equal(11, fromCheckpoint.Files.Count);
        Assert.Contains(fromCheckpoint.Files, file => file.Path == "k=w/winner.parquet");
    }

    private static AddFile Tagged(string name, string runKey) =>
        File(name, "a") with { Tags = new Dictionary<string, string> { ["run"] = runKey } };

    /// <summary>Issue 16: two attempts of one run key both appended their rows; replacing "the rows of K" must count them as read.</summary>
    [Fact]
    public async Task CommitAsync_ReplacesFilesOfARunAndTheWinnerAddsOneOfThem_ThrowsConflictNamingTheSet()
    {
        await SeedAsync(Tagged("k=a/old-r1.parquet", "r1"));
        var winner = await Table().StartTransactionAsync();
        var sut = await Table().StartTransactionAsync();
        winner.ReplaceFilesWhere(file => file.Tags?["run"] == "r1", "the rows of run key 'r1'");
        winner.Add(Tagged("k=a/w-r1.parquet", "r1"));
        var removed = sut.ReplaceFilesWhere(file => file.Tags?["run"] == "r1", "the rows of run key 'r1'");
        sut.Add(Tagged("k=a/s-r1.parquet", "r1"));
        await winner.CommitAsync("WRITE");

        var conflict = await Assert.ThrowsAsync<DeltaConflictException>(() => sut.CommitAsync("WRITE"));

        Assert.Equal(["k=a/old-r1.parquet"], removed.Select(file => file.Path));
        Assert.Contains("removed the file 'k=a/old-r1.parquet'", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(["k=a/w-r1.parquet"], (await Table().LoadSnapshotAsync()).Files.Select(file => file.Path));
    }

    /// <summary>The first attempts of a key: nothing of the key is live yet, so only the added file's tag can conflict.</summary>
    [Fact]
    public async Task CommitAsync_ReplacesFilesOfARunNotYetWrittenAndTheWinnerAddsOne_ThrowsConflict()
    {
        await SeedAsync(Tagged("k=a/r0.parquet", "r0"));
        var winner = await Table().StartTransactionAsync();
        var sut = await Table().StartTransactionAsync();
        winner.Add(Tagged("k=a/w-r1.parquet", "r1"));
        sut.ReplaceFilesWhere(file => file.Tags?["run"] == "r1", "the rows of run key 'r1'");
        sut.Add(Tagged("k=a/s-r1.parquet", "r1"));
        await winner.CommitAsync("WRITE");

        var conflict = await Assert.ThrowsAsync<DeltaConflictException>(() => sut.CommitAsync("WRITE"));

        Assert.Contains("added the file 'k=a/w-r1.parquet' in partition k=a, and this transaction replaces the rows of run key 'r1'", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitAsync_ReplacesFilesOfAnotherRunThanTheWinnerAdds_RetriesAndKeepsBoth()
    {
        await SeedAsync();
        var winner = await Table().StartTransactionAsync();
        var sut = await Table().StartTransactionAsync();
        winner.Add(Tagged("k=a/w-r2.parquet", "r2"));
        sut.ReplaceFilesWhere(file => file.Tags?["run"] == "r1", "the rows of run key 'r1'");
        sut.Add(Tagged("k=a/s-r1.parquet", "r1"));
        await winner.CommitAsync("WRITE");

        Assert.Equal(2, await sut.CommitAsync("WRITE"));
        Assert.Equal(2, (await Table().LoadSnapshotAsync()).Files.Count);
    }
}
