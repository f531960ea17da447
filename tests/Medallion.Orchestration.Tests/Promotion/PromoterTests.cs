using System.Text.Json.Nodes;
using Medallion.Delta;
using Medallion.Orchestration.Leases;
using Medallion.Orchestration.Ledger;
using Medallion.Testing.Moto;

namespace Medallion.Orchestration.Tests.Promotion;

/// <summary>Every test runs on a local lake (<see cref="Local"/>) and on S3 (<see cref="OnS3"/>).</summary>
public abstract class PromoterTests(MotoServer? moto) : IDisposable
{
    private SalesLake _sut = new(moto: moto);

    public void Dispose()
    {
        _sut.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A lake in a local folder.</summary>
    public sealed class Local() : PromoterTests(moto: null);

    /// <summary>A lake and raw root in a moto bucket.</summary>
    [Collection(MotoCollection.Name)]
    public sealed class OnS3(MotoServer moto) : PromoterTests(moto);

    [Fact]
    public async Task PromoteAsync_ReplacePartitions_ReplacesOnlyTheMonthsTheRunCovers()
    {
        await _sut.PublishAsync("r1", "a,1.00,2024-01-05", "b,2.00,2024-02-05");

        var result = await _sut.PublishAsync("r2", "b,3.00,2024-02-09", "c,4.00,2024-03-01");

        Assert.Equal(["a:1.00:r1", "b:3.00:r2", "c:4.00:r2"], _sut.CurrentRows());
        Assert.Equal(["day_month=2", "day_month=3"], result.Record.PartitionsReplaced);
        Assert.Equal(2, result.Record.Sequence);
        Assert.Equal(1, result.Record.CurrentVersion);
    }

    [Theory]
    [InlineData("replace_all", new[] { "b:3.00:r2" })]
    [InlineData("append", new[] { "a:1.00:r1", "b:2.00:r1", "b:3.00:r2" })]
    public async Task PromoteAsync_OtherModes_ReplaceEverythingOrAppend(string mode, string[] expected)
    {
        _sut.Dispose();
        _sut = new SalesLake(mode, moto: moto);
        await _sut.PublishAsync("r1", "a,1.00,2024-01-05", "b,2.00,2024-02-05");

        await _sut.PublishAsync("r2", "b,3.00,2024-02-09");

        Assert.Equal(expected, _sut.CurrentRows());
    }

    [Fact]
    public async Task PromoteAsync_SameRunTwice_ChangesNothing()
    {
        await _sut.PublishAsync("r1", "a,1.00,2024-01-05");

        var again = await _sut.PromoteAsync("r1");

        Assert.True(again.AlreadyPromoted);
        Assert.Equal(0, _sut.Lake.Snapshot(SalesLake.Current).Version);
        Assert.Equal(1, _sut.Lake.Snapshot(SalesLake.Current).AppTransactions["medallion/sales/orders"]);
        Assert.Equal(["a:1.00:r1"], _sut.CurrentRows());
    }

    [Fact]
    public async Task PromoteAsync_NoKey_PromotesTheNewestValidatedRun()
    {
        await _sut.RunAsync("r1", "a,1.00,2024-01-05");
        await _sut.ValidateAsync("r1");
        await _sut.RunAsync("r2", "a,5.00,2024-01-05");
        await _sut.ValidateAsync("r2");

        var result = await _sut.PromoteAsync();

        Assert.Equal("r2", result.Record.RunKey);
        Assert.Equal(["a:5.00:r2"], _sut.CurrentRows());
    }

    /// <summary>Issue 16: a validated run was refused with "its status is validated. Only a validated run is promoted".</summary>
    [Fact]
    public async Task PromoteAsync_ValidatedLedgerWithoutSilver_SaysWhatIsMissingNotTheStatus()
    {
        await _sut.RunAsync("r1", "a,1.00,2024-01-05");
        await _sut.ValidateAsync("r1");
        var ledger = new RunLedger(_sut.Lake.Store);
        await ledger.WriteAsync(_sut.Table.Layout, (await ledger.ReadAsync(_sut.Table.Layout, "r1"))! with { Silver = null });

        var error = await Assert.ThrowsAsync<MedallionException>(() => _sut.PromoteAsync("r1"));

        Assert.Contains("run r1 cannot be promoted: its ledger says validated but records no silver layer", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("its status is validated", error.Message, StringComparison.Ordinal);
        Assert.Empty(_sut.Lake.List(SalesLake.Current + "/"));
    }

    [Fact]
    public async Task PromoteAsync_RunningLedgerNobodyHolds_SaysTheAttemptWasAbandoned()
    {
        await _sut.RunAsync("r1", "a,1.00,2024-01-05");
        await new RunLedger(_sut.Lake.Store).SetStatusAsync(_sut.Table.Layout, "r1", RunLedgerEntry.Running, _sut.Clock.GetUtcNow());

        var error = await Assert.ThrowsAsync<MedallionException>(() => _sut.PromoteAsync("r1"));

        Assert.Contains("its ledger says running, but no attempt holds the run key: that attempt was abandoned", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PromoteAsync_RunningLedgerWhoseKeyIsHeld_SaysItIsStillRunning()
    {
        await _sut.RunAsync("r1", "a,1.00,2024-01-05");
        await new RunLedger(_sut.Lake.Store).SetStatusAsync(_sut.Table.Layout, "r1", RunLedgerEntry.Running, _sut.Clock.GetUtcNow());
        await RunKeyLease.AcquireAsync(_sut.Lake.Store, _sut.Table.Layout, "r1", TimeSpan.FromMinutes(5), _sut.Clock);

        var error = await Assert.ThrowsAsync<MedallionException>(() => _sut.PromoteAsync("r1"));

        Assert.Contains("its status is running: an attempt of the key is still running", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PromoteAsync_RejectedRun_RefusesAndLeavesCurrentUntouched()
    {
        _sut.Dispose();
        _sut = new SalesLake(validation: "min_rows: 5", moto: moto);
        await _sut.RunAsync("r1", "a,1.00,2024-01-05");
        await _sut.ValidateAsync("r1");

        var error = await Assert.ThrowsAsync<MedallionException>(() => _sut.PromoteAsync("r1"));

        Assert.Contains("validation failed: min_rows", error.Message, StringComparison.Ordinal);
        Assert.Empty(_sut.Lake.List(SalesLake.Current + "/"));
    }

    [Fact]
    public async Task PromoteAsync_WritesLatestWithHistoryNewestFirst()
    {
        await _sut.PublishAsync("r1", "a,1.00,2024-01-05");
        await _sut.PublishAsync("r2", "b,2.00,2024-02-05");
        await _sut.PublishAsync("r3", "c,2.00,2024-03-05");

        var latest = JsonNode.Parse(_sut.Read("silver/sales/orders/_LATEST.json"))!;

        Assert.Equal("r3", (string?)latest["runKey"]);
        Assert.Equal("v1", (string?)latest["schemaVersion"]);
        Assert.Equal(2, (long?)latest["currentVersion"]);
        Assert.Equal(3, (long?)latest["counts"]!["currentRows"]);
        Assert.Equal(["day_month=3"], latest["partitionsReplaced"]!.AsArray().Select(p => (string?)p));
        Assert.Equal(["r2", "r1"], latest["history"]!.AsArray().Select(h => (string?)h!["runKey"]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("{ not json")]
    [InlineData("{\"runKey\": \"r1\", \"sequence\": 1}")]
    public async Task PromoteAsync_LatestMissingOrCorrupt_IsRebuiltFromTheLogWithAWarning(string? content)
    {
        await _sut.PublishAsync("r1", "a,1.00,2024-01-05");
        await _sut.PublishAsync("r2", "b,2.00,2024-02-05");
        const string Path = "silver/sales/orders/_LATEST.json";
        var before = JsonNode.Parse(_sut.Read(Path))!;
        _sut.Lake.Delete(Path);
        if (content is not null)
        {
            _sut.Lake.WriteText(Path, content);
        }

        await _sut.RunAsync("r3", "c,2.00,2024-03-05");
        await _sut.ValidateAsync("r3");

        Assert.Contains(_sut.Reporter.Warnings, w => w.Contains("rebuilt it from the Delta log of current/", StringComparison.Ordinal));
        var rebuilt = JsonNode.Parse(_sut.Read(Path))!;
        Assert.Equal((string?)before["runKey"], (string?)rebuilt["runKey"]);
        Assert.Equal((long?)before["sequence"], (long?)rebuilt["sequence"]);
        Assert.Equal(before["counts"]!.ToJsonString(), rebuilt["counts"]!.ToJsonString());
        Assert.Equal(["r1"], rebuilt["history"]!.AsArray().Select(h => (string?)h!["runKey"]));
    }

    [Fact]
    public async Task PromoteAsync_TwoRunsAtTheSameMoment_BothLandInOrderOrOneReportsAConflict()
    {
        await _sut.PublishAsync("r0", "z,9.00,2024-05-05");
        await _sut.RunAsync("r1", "a,1.00,2024-01-05");
        await _sut.ValidateAsync("r1");
        await _sut.RunAsync("r2", "b,2.00,2024-02-05");
        await _sut.ValidateAsync("r2");

        var results = await Task.WhenAll(Attempt("r1"), Attempt("r2"));

        var landed = results.OfType<Orchestration.Promotion.PromotionResult>().ToList();
        Assert.All(results.OfType<MedallionException>(), e => Assert.Contains("conflicted", e.Message, StringComparison.Ordinal));
        var snapshot = _sut.Lake.Snapshot(SalesLake.Current);
        Assert.Equal(landed.Count, snapshot.Version);
        Assert.Equal(landed.Count + 1, snapshot.AppTransactions["medallion/sales/orders"]);
        var expected = new[] { "z:9.00:r0" }.Concat(landed.Select(r => r.Record.RunKey == "r1" ? "a:1.00:r1" : "b:2.00:r2")).Order(StringComparer.Ordinal);
        Assert.Equal(expected, _sut.CurrentRows());
        Assert.Equal(landed.Select(r => r.Record.Sequence).Order(), Enumerable.Range(2, landed.Count).Select(i => (long)i));
    }

    private async Task<object> Attempt(string runKey)
    {
        try
        {
            return await new Orchestration.Promotion.Promoter(_sut.Clock, _sut.Reporter).PromoteAsync(_sut.Table, runKey);
        }
        catch (MedallionException error)
        {
            return error;
        }
    }
}
