using Medallion.Delta.Storage;
using Medallion.Jobs.Lake;
using Medallion.Orchestration.Leases;
using Medallion.Testing;
using Medallion.Testing.Moto;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Orchestration.Tests.Leases;

/// <summary>
/// The run key lease (issue 16) on a local folder (<see cref="Local"/>) and on S3 (<see cref="OnS3"/>):
/// put-if-absent generations decide who holds a key, an expired lease is taken over, a released one at once.
/// </summary>
public abstract class RunKeyLeaseTests(TestLake lake) : IDisposable
{
    private static readonly TimeSpan Expiry = TimeSpan.FromMinutes(5);
    private readonly TestLake _lake = lake;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero));
    private readonly LakeLayout _layout = new("shop", "orders", "v1");

    private IObjectStore Store => _lake.Store;

    public void Dispose()
    {
        _lake.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task AcquireAsync_KeyHeldByAnotherAttempt_ThrowsNamingTheHolderAndWritesNothing()
    {
        var holder = await RunKeyLease.AcquireAsync(Store, _layout, "k1", Expiry, _clock);
        var before = await Store.ListAsync("silver/");
        _clock.Advance(TimeSpan.FromMinutes(4));

        var held = await Assert.ThrowsAsync<RunKeyHeldException>(() => RunKeyLease.AcquireAsync(Store, _layout, "k1", Expiry, _clock));

        Assert.Equal(
            $"shop.orders: another attempt holds run key 'k1' (host {Environment.MachineName}, pid {Environment.ProcessId}, started at 2026-12-02T01:00:00Z; " +
            "its lease expires at 2026-12-02T01:05:00Z unless it renews it). This attempt wrote nothing. Wait for that attempt to finish; " +
            $"if its process is gone, the key is free once the lease expires (lease: {Store.Describe("silver/shop/orders/_leases/run_key=k1")}).",
            held.Message);
        Assert.Equal(before.Select(o => o.Path), (await Store.ListAsync("silver/")).Select(o => o.Path));
        Assert.Equal(holder.Record, await RunKeyLease.ReadAsync(Store, _layout, "k1"));
    }

    [Fact]
    public async Task AcquireAsync_OtherKeyOrOtherTable_IsNotHeld()
    {
        await RunKeyLease.AcquireAsync(Store, _layout, "k1", Expiry, _clock);

        await RunKeyLease.AcquireAsync(Store, _layout, "k2", Expiry, _clock);
        await RunKeyLease.AcquireAsync(Store, _layout with { Table = "lines" }, "k1", Expiry, _clock);
    }

    [Fact]
    public async Task AcquireAsync_HolderKilledAndLeaseExpired_TakesTheKeyOverAndNamesTheAbandonedAttempt()
    {
        var killed = await RunKeyLease.AcquireAsync(Store, _layout, "k1", Expiry, _clock);
        _clock.Advance(Expiry + TimeSpan.FromSeconds(1));

        var sut = await RunKeyLease.AcquireAsync(Store, _layout, "k1", Expiry, _clock);

        Assert.Equal(killed.Record, sut.Abandoned);
        Assert.Equal(sut.Record, await RunKeyLease.ReadAsync(Store, _layout, "k1"));
        Assert.Single(await Store.ListAsync(RunKeyLease.Folder(_layout, "k1") + "/"));
    }

    [Fact]
    public async Task AcquireAsync_AfterRelease_TakesTheKeyAtOnceWithNothingAbandoned()
    {
        var first = await RunKeyLease.AcquireAsync(Store, _layout, "k1", Expiry, _clock);
        Assert.True(await first.ReleaseAsync());

        var sut = await RunKeyLease.AcquireAsync(Store, _layout, "k1", Expiry, _clock);

        Assert.Null(sut.Abandoned);
        Assert.NotEqual(first.Record.Attempt, sut.Record.Attempt);
    }

    [Fact]
    public async Task RenewAsync_WhileHeld_PushesTheExpirySoOthersStayOut()
    {
        var sut = await RunKeyLease.AcquireAsync(Store, _layout, "k1", Expiry, _clock);
        _clock.Advance(TimeSpan.FromMinutes(4));

        Assert.True(await sut.RenewAsync());
        _clock.Advance(TimeSpan.FromMinutes(4));

        await Assert.ThrowsAsync<RunKeyHeldException>(() => RunKeyLease.AcquireAsync(Store, _layout, "k1", Expiry, _clock));
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 1, 9, 0, TimeSpan.Zero), (await RunKeyLease.ReadAsync(Store, _layout, "k1"))!.ExpiresAt);
    }

    /// <summary>A holder paused past its expiry must learn that the key moved on, and must not take it back.</summary>
    [Fact]
    public async Task RenewAndRelease_AfterAnotherAttemptTookTheKeyOver_ReturnFalseAndLeaveTheNewHolder()
    {
        var paused = await RunKeyLease.AcquireAsync(Store, _layout, "k1", Expiry, _clock);
        _clock.Advance(Expiry + TimeSpan.FromSeconds(1));
        var taker = await RunKeyLease.AcquireAsync(Store, _layout, "k1", Expiry, _clock);

        Assert.False(await paused.RenewAsync());
        Assert.False(await paused.ReleaseAsync());
        Assert.Equal(taker.Record, await RunKeyLease.ReadAsync(Store, _layout, "k1"));
    }

    /// <summary>Two attempts that start together: exactly one takes the key.</summary>
    [Fact]
    public async Task AcquireAsync_ManyAttemptsAtOnce_ExactlyOneHoldsTheKey()
    {
        var attempts = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            try
            {
                return await RunKeyLease.AcquireAsync(Store, _layout, "k1", Expiry, _clock);
            }
            catch (RunKeyHeldException)
            {
                return null;
            }
        })).ToList();

        var held = (await Task.WhenAll(attempts)).OfType<RunKeyLease>().ToList();

        var winner = Assert.Single(held);
        Assert.Equal(winner.Record, await RunKeyLease.ReadAsync(Store, _layout, "k1"));
    }

    /// <summary>A lake in a local folder.</summary>
    public sealed class Local() : RunKeyLeaseTests(new TestLake());

    /// <summary>The lake in a moto bucket.</summary>
    [Collection(MotoCollection.Name)]
    public sealed class OnS3(MotoServer moto) : RunKeyLeaseTests(TestLake.OnS3(moto));
}
