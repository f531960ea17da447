using Medallion.Orchestration.Promotion;
using Medallion.Testing.Moto;

namespace Medallion.Orchestration.Tests.Promotion.Merge;

/// <summary><c>promotion: merge</c> end to end; every test runs on a local lake and on S3 (moto).</summary>
public abstract class MergePromotionTests(MotoServer? moto) : IDisposable
{
    private const string Tombstones = "{ mode: merge, order_by: version, delete_when: \"op = 'D'\" }";

    private CustomersLake _sut = new(Tombstones, moto: moto);

    public void Dispose()
    {
        _sut.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A lake in a local folder.</summary>
    public sealed class Local() : MergePromotionTests(moto: null);

    /// <summary>A lake and raw root in a moto bucket.</summary>
    [Collection(MotoCollection.Name)]
    public sealed class OnS3(MotoServer moto) : MergePromotionTests(moto);

    [Fact]
    public async Task PromoteAsync_Merge_UpsertsByKeyAndCountsEachOutcome()
    {
        await _sut.PublishAsync("r1", "1,ann,1,", "2,bob,1,", "3,cy,1,");

        var result = await _sut.PublishAsync("r2", "2,bobby,2,", "4,dee,1,");

        Assert.Equal(["1:ann:1:r1", "2:bobby:2:r2", "3:cy:1:r1", "4:dee:1:r2"], _sut.CurrentRows());
        Assert.Equal("merge", result.Record.Mode);
        Assert.Equal(new MergeCounts(Inserted: 1, Updated: 1, Deleted: 0, Unchanged: 2), result.Record.Counts.Merge);
        var counts = _sut.LatestCounts();
        Assert.Equal((1, 1, 0, 2, 4), ((long)counts["merge"]!["inserted"]!, (long)counts["merge"]!["updated"]!, (long)counts["merge"]!["deleted"]!, (long)counts["merge"]!["unchanged"]!, (long)counts["currentRows"]!));
    }

    [Fact]
    public async Task PromoteAsync_DeleteWhen_DeletesTheKey()
    {
        await _sut.PublishAsync("r1", "1,ann,1,", "2,bob,1,");

        var result = await _sut.PublishAsync("r2", "2,bob,2,D", "9,ghost,1,D");

        Assert.Equal(["1:ann:1:r1"], _sut.CurrentRows());
        Assert.Equal(new MergeCounts(Inserted: 0, Updated: 0, Deleted: 1, Unchanged: 1), result.Record.Counts.Merge);
    }

    [Fact]
    public async Task PromoteAsync_OrderBy_KeepsTheNewerRowWhereverItIs()
    {
        await _sut.PublishAsync("r1", "1,ann,5,", "2,bob,1,");

        // Key 1: current/ holds version 5, newer than the run's 4. Key 2: the run holds versions 3 and 2.
        var result = await _sut.PublishAsync("r2", "1,old ann,4,", "2,bob three,3,", "2,bob two,2,");

        Assert.Equal(["1:ann:5:r1", "2:bob three:3:r2"], _sut.CurrentRows());
        Assert.Equal(new MergeCounts(Inserted: 0, Updated: 1, Deleted: 0, Unchanged: 1), result.Record.Counts.Merge);
    }

    [Fact]
    public async Task PromoteAsync_SameRunTwice_ChangesNothing()
    {
        await _sut.PublishAsync("r1", "1,ann,1,");
        await _sut.PublishAsync("r2", "1,ann,2,", "2,bob,1,");
        var before = _sut.Snapshot();

        var again = await _sut.PromoteAsync("r2");

        Assert.True(again.AlreadyPromoted);
        var after = _sut.Snapshot();
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Files.Select(f => f.Path), after.Files.Select(f => f.Path));
        Assert.Equal(["1:ann:2:r2", "2:bob:1:r2"], _sut.CurrentRows());
    }

    [Fact]
    public async Task RollbackAsync_AfterMerge_RestoresThePreviousRows()
    {
        await _sut.PublishAsync("r1", "1,ann,1,", "2,bob,1,");
        await _sut.PublishAsync("r2", "1,ann,2,", "2,bob,2,D", "3,cy,1,");

        var result = await _sut.RollbackAsync();

        Assert.True(result.Changed);
        Assert.Equal(["1:ann:1:r1", "2:bob:1:r1"], _sut.CurrentRows());
    }

    [Fact]
    public async Task PromoteAsync_KeyChangesPartition_MovesTheRow()
    {
        _sut.Dispose();
        _sut = new CustomersLake("merge", partitionBy: "partition_by: [name]", moto: moto);
        await _sut.PublishAsync("r1", "1,ann,1,", "2,bob,1,");

        var result = await _sut.PublishAsync("r2", "2,zed,2,");

        Assert.Equal(["1:ann:1:r1", "2:zed:2:r2"], _sut.CurrentRows());
        Assert.Equal(["name=bob", "name=zed"], result.Record.PartitionsReplaced);
        Assert.Equal(new MergeCounts(Inserted: 0, Updated: 1, Deleted: 0, Unchanged: 1), result.Record.Counts.Merge);
    }

    [Fact]
    public async Task PromoteAsync_RunTiesForNewestWithoutOrder_RefusesAndLeavesCurrentAlone()
    {
        _sut.Dispose();
        _sut = new CustomersLake("merge", moto: moto);
        await _sut.PublishAsync("r1", "1,ann,1,");
        await _sut.RunAsync("r2", "1,ann two,2,", "1,ann three,3,");

        var error = await Assert.ThrowsAsync<MedallionException>(() => _sut.PromoteAsync("r2"));

        Assert.Contains("different rows for the key (id) = (1)", error.Message, StringComparison.Ordinal);
        Assert.Contains("promotion.order_by", error.Message, StringComparison.Ordinal);
        Assert.Equal(["1:ann:1:r1"], _sut.CurrentRows());
    }
}
