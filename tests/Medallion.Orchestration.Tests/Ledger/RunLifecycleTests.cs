using Medallion.Delta.Storage;
using Medallion.Jobs.Engine;
using Medallion.Jobs.Lake;
using Medallion.Orchestration.Ledger;
using Medallion.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Orchestration.Tests.Ledger;

/// <summary>
/// The one run lifecycle of the embedded engine and the Spark job host (issue 11): the ledger says
/// what is true between Spark's bronze and silver jobs, and whatever a layer dies of ends it failed.
/// </summary>
public sealed class RunLifecycleTests : IDisposable
{
    private readonly TempDirectory _lake = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly LakeLayout _layout = new("shop", "orders", "1");
    private readonly RunLedger _ledger;
    private readonly RunLifecycle _sut;

    public RunLifecycleTests()
    {
        _ledger = new RunLedger(new LocalObjectStore(_lake.Path));
        _sut = new RunLifecycle(_ledger, _layout, _clock);
    }

    public void Dispose() => _lake.Dispose();

    /// <summary>Regression: Spark's bronze job marked the run succeeded before its silver job had run.</summary>
    [Fact]
    public async Task RunAsync_BronzeStepOfABronzeAndSilverRun_StaysRunningWithBronzeRecorded()
    {
        var started = await _sut.StartAsync(Fresh(LayerNames.Bronze, LayerNames.Silver), resume: false);

        var entry = await _sut.RunAsync(started, [Layer(LayerNames.Bronze)]);

        var written = await _ledger.ReadAsync(_layout, "k1");
        Assert.Equal(RunLedgerEntry.Running, written!.Status);
        Assert.Equal(100, written.Bronze!.RowsRead);
        Assert.Equal(["a.csv"], written.InputFiles.Select(f => f.Path));
        Assert.Equal(RunLedgerEntry.Running, entry.Status);
        Assert.False(await _ledger.IsSucceededAsync(_layout, "k1"));
    }

    [Fact]
    public async Task RunAsync_SilverStepResumingBronze_SucceedsWithBothLayersAndSuccessMarker()
    {
        await _sut.RunAsync(await _sut.StartAsync(Fresh(LayerNames.Bronze, LayerNames.Silver), resume: false), [Layer(LayerNames.Bronze)]);

        var resumed = await _sut.StartAsync(Fresh(LayerNames.Silver), resume: true);
        var entry = await _sut.RunAsync(resumed, [Layer(LayerNames.Silver)]);

        Assert.Equal(RunLedgerEntry.Succeeded, entry.Status);
        Assert.Equal([LayerNames.Bronze, LayerNames.Silver], entry.Layers);
        Assert.NotNull(entry.Bronze);
        Assert.NotNull(entry.Silver);
        Assert.Equal([RunLedgerEntry.Running, RunLedgerEntry.Succeeded], entry.StatusHistory.Select(s => s.Status));
        Assert.True(await _ledger.IsSucceededAsync(_layout, "k1"));
    }

    [Fact]
    public async Task RunAsync_BronzeOnlyRun_SucceedsWithoutSuccessMarker()
    {
        var entry = await _sut.RunAsync(await _sut.StartAsync(Fresh(LayerNames.Bronze), resume: false), [Layer(LayerNames.Bronze)]);

        Assert.Equal(RunLedgerEntry.Succeeded, (await _ledger.ReadAsync(_layout, "k1"))!.Status);
        Assert.Equal(RunLedgerEntry.Succeeded, entry.Status);
        Assert.False(await _ledger.IsSucceededAsync(_layout, "k1"));
    }

    /// <summary>Regression: the embedded engine recorded only MedallionException; anything else (a full disk) left the run `running`.</summary>
    [Fact]
    public async Task RunAsync_LayerThrowsIOException_EndsFailedWithTheReason()
    {
        var started = await _sut.StartAsync(Fresh(LayerNames.Bronze, LayerNames.Silver), resume: false);

        var entry = await _sut.RunAsync(started, [Layer(LayerNames.Bronze), _ => throw new IOException("No space left on device")]);

        var written = await _ledger.ReadAsync(_layout, "k1");
        Assert.Equal(RunLedgerEntry.Failed, written!.Status);
        Assert.Equal("IOException: No space left on device", written.Error);
        Assert.NotNull(written.Bronze);
        Assert.Equal(written.Error, entry.Error);
    }

    /// <summary>
    /// Issue 16: a full disk during silver left the ledger `running` forever, because writing `failed` failed too.
    /// The run now says so, and the ledger reads as abandoned once no attempt holds the key.
    /// </summary>
    [Fact]
    public async Task RunAsync_DiskFullAlsoForTheLedger_ThrowsSayingTheLedgerStillSaysRunningWhichReadsAsAbandoned()
    {
        var store = new DiskFullStore(new LocalObjectStore(_lake.Path));
        var ledger = new RunLedger(store);
        var sut = new RunLifecycle(ledger, _layout, _clock);
        var started = await sut.StartAsync(Fresh(LayerNames.Bronze, LayerNames.Silver), resume: false);

        var error = await Assert.ThrowsAsync<MedallionException>(() => sut.RunAsync(started, [Layer(LayerNames.Bronze), _ =>
        {
            store.Full = true;
            throw new IOException("No space left on device");
        }]));

        Assert.Equal(
            "shop.orders: run k1 failed (IOException: No space left on device); its ledger could not record that (IOException: No space left on device) " +
            "and still says running; once this attempt has ended, `medallion runs` shows it as abandoned. Run the key again when the cause is fixed.",
            error.Message);
        var written = (await ledger.ReadAsync(_layout, "k1"))!;
        Assert.Equal(RunLedgerEntry.Running, written.Status);
        Assert.True(await ledger.IsAbandonedAsync(_layout, written, _clock.GetUtcNow()));
    }

    [Fact]
    public async Task IsAbandonedAsync_RunningLedgerWhoseKeyIsHeld_IsFalseUntilTheLeaseExpires()
    {
        var store = new LocalObjectStore(_lake.Path);
        var entry = await _sut.StartAsync(Fresh(LayerNames.Bronze), resume: false);
        await Medallion.Orchestration.Leases.RunKeyLease.AcquireAsync(store, _layout, "k1", TimeSpan.FromMinutes(5), _clock);

        Assert.False(await _ledger.IsAbandonedAsync(_layout, entry, _clock.GetUtcNow()));
        _clock.Advance(TimeSpan.FromMinutes(6));
        Assert.True(await _ledger.IsAbandonedAsync(_layout, entry, _clock.GetUtcNow()));
    }

    [Fact]
    public async Task RunAsync_LayerThrowsMedallionException_EndsFailedWithItsMessage()
    {
        var started = await _sut.StartAsync(Fresh(LayerNames.Silver), resume: false);

        var entry = await _sut.RunAsync(started, [_ => throw new MedallionException("rule `positive` failed for 3 rows")]);

        Assert.Equal(RunLedgerEntry.Failed, entry.Status);
        Assert.Equal("rule `positive` failed for 3 rows", (await _ledger.ReadAsync(_layout, "k1"))!.Error);
    }

    [Fact]
    public async Task RunAsync_Cancelled_EndsFailedAndRethrows()
    {
        var started = await _sut.StartAsync(Fresh(LayerNames.Silver), resume: false);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _sut.RunAsync(started, [_ => throw new OperationCanceledException()]));

        Assert.Equal(RunLedgerEntry.Failed, (await _ledger.ReadAsync(_layout, "k1"))!.Status);
    }

    [Fact]
    public async Task StartAsync_RetryOfAFailedRun_RunsAgainAndClearsTheErrorAndSuccessMarker()
    {
        await _sut.RunAsync(await _sut.StartAsync(Fresh(LayerNames.Silver), resume: false), [Layer(LayerNames.Silver)]);
        await _sut.RunAsync(await _sut.StartAsync(Fresh(LayerNames.Silver), resume: true), [_ => throw new MedallionException("boom")]);

        var entry = await _sut.StartAsync(Fresh(LayerNames.Silver), resume: true);

        Assert.Equal(RunLedgerEntry.Running, entry.Status);
        Assert.Null(entry.Error);
        Assert.False(await _ledger.IsSucceededAsync(_layout, "k1"));
        Assert.Equal(RunLedgerEntry.Running, (await _ledger.ReadAsync(_layout, "k1"))!.Status);
    }

    private RunLedgerEntry Fresh(params string[] layers) => new(
        "k1", _layout.Dataset, _layout.Table, layers, "spark", "local", "1",
        RunLedgerEntry.Running, [new RunStatusChange(RunLedgerEntry.Running, _clock.GetUtcNow())], [],
        Bronze: null, Silver: null, Error: null);

    private static Func<CancellationToken, Task<LayerOutcome>> Layer(string layer) => _ => Task.FromResult(new LayerOutcome(
        new LayerResult(layer, layer, 100, 90, 10, 0, 0, 0, new Dictionary<string, long>(), 1, 1, TimeSpan.FromSeconds(1)),
        layer == LayerNames.Bronze ? [new RunInputFile("a.csv", 42)] : null));
}
