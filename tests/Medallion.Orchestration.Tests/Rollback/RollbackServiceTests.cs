using System.Text.Json.Nodes;
using Medallion.Testing.Moto;

namespace Medallion.Orchestration.Tests.Rollback;

/// <summary>Every test runs on a local lake (<see cref="Local"/>) and on S3 (<see cref="OnS3"/>).</summary>
public abstract class RollbackServiceTests(MotoServer? moto) : IDisposable
{
    private readonly SalesLake _sut = new(moto: moto);

    public void Dispose()
    {
        _sut.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A lake in a local folder.</summary>
    public sealed class Local() : RollbackServiceTests(moto: null);

    /// <summary>A lake and raw root in a moto bucket.</summary>
    [Collection(MotoCollection.Name)]
    public sealed class OnS3(MotoServer moto) : RollbackServiceTests(moto);

    [Fact]
    public async Task RollbackAsync_NoTarget_RestoresThePreviousPromotionInOneCommit()
    {
        await _sut.PublishAsync("r1", "a,1.00,2024-01-05", "b,2.00,2024-02-05");
        await _sut.PublishAsync("r2", "b,3.00,2024-02-09", "c,4.00,2024-03-01");

        var result = await _sut.RollbackAsync();

        Assert.True(result.Changed);
        Assert.Equal(["a:1.00:r1", "b:2.00:r1"], _sut.CurrentRows());
        Assert.Equal(2, _sut.Lake.Snapshot(SalesLake.Current).Version);
        Assert.Equal((2, 1), (result.FilesRemoved, result.FilesReadded));
        var latest = JsonNode.Parse(_sut.Read("silver/sales/orders/_LATEST.json"))!;
        Assert.Equal(("rollback", "r1", "r2", 0L), ((string?)latest["operation"], (string?)latest["runKey"], (string?)latest["rolledBackRunKey"], (long?)latest["restoredVersion"]));
        Assert.Equal("rolled_back", (string?)JsonNode.Parse(_sut.Read("silver/sales/orders/schema_v=1/runs/run_key=r2/_run.json"))!["status"]);
        Assert.Equal("promoted", (string?)JsonNode.Parse(_sut.Read("silver/sales/orders/schema_v=1/runs/run_key=r1/_run.json"))!["status"]);
    }

    [Fact]
    public async Task RollbackAsync_ToALaterRunAfterARollback_RestoresThatRun()
    {
        await _sut.PublishAsync("r1", "a,1.00,2024-01-05");
        await _sut.PublishAsync("r2", "a,2.00,2024-01-05");
        await _sut.RollbackAsync();

        var result = await _sut.RollbackAsync("r2");

        Assert.Equal(["a:2.00:r2"], _sut.CurrentRows());
        Assert.Equal(4, result.Record.Sequence);
    }

    [Fact]
    public async Task RollbackAsync_OnlyOnePromotion_ThrowsAndCommitsNothing()
    {
        await _sut.PublishAsync("r1", "a,1.00,2024-01-05");

        var error = await Assert.ThrowsAsync<MedallionException>(() => _sut.RollbackAsync());

        Assert.Contains("no earlier promotion", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _sut.Lake.Snapshot(SalesLake.Current).Version);
    }

    [Fact]
    public async Task RollbackAsync_RunNeverPromoted_ThrowsNamingThePromotedRuns()
    {
        await _sut.PublishAsync("r1", "a,1.00,2024-01-05");

        var error = await Assert.ThrowsAsync<MedallionException>(() => _sut.RollbackAsync("r9"));

        Assert.Contains("run 'r9' was never promoted to current/; promoted runs: r1.", error.Message, StringComparison.Ordinal);
    }
}
