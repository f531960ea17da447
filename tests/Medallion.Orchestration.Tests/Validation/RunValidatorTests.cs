using System.Text.Json.Nodes;
using Medallion.Testing.Moto;

namespace Medallion.Orchestration.Tests.Validation;

/// <summary>Every test runs on a local lake (<see cref="Local"/>) and on S3 (<see cref="OnS3"/>).</summary>
public abstract class RunValidatorTests(MotoServer? moto) : IDisposable
{
    private const string RunFolder = "silver/sales/orders/schema_v=1/runs/run_key=";
    private readonly SalesLake _sut = new(validation: "min_rows: 2, max_quarantine_ratio: 0.4, max_row_change_ratio: 0.5", moto: moto);

    public void Dispose()
    {
        _sut.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A lake in a local folder.</summary>
    public sealed class Local() : RunValidatorTests(moto: null);

    /// <summary>A lake and raw root in a moto bucket.</summary>
    [Collection(MotoCollection.Name)]
    public sealed class OnS3(MotoServer moto) : RunValidatorTests(moto);

    [Fact]
    public async Task ValidateAsync_GoodRun_PassesEveryCheckAndWritesTheReportBesideTheRun()
    {
        await _sut.RunAsync("r1", "a,1.00,2024-01-05", "b,2.00,2024-02-05");

        var report = await _sut.ValidateAsync("r1");

        Assert.True(report.Passed, report.DescribeFailures());
        var json = JsonNode.Parse(_sut.Read(RunFolder + "r1/_validation.json"))!;
        Assert.Equal(
            ["success_marker", "counts_reconcile", "schema_version", "max_quarantine_ratio", "min_rows", "max_row_change_ratio", "partitions_present"],
            json["checks"]!.AsArray().Select(c => (string?)c!["name"]));
        Assert.Equal("skipped", (string?)json["checks"]![5]!["result"]);
        Assert.Equal(2, (long?)json["checks"]![4]!["measured"]);
        Assert.Equal("validated", (string?)JsonNode.Parse(_sut.Read(RunFolder + "r1/_run.json"))!["status"]);
    }

    [Fact]
    public async Task ValidateAsync_TooFewRowsAndTooManyQuarantined_FailsNamingBothAndRejects()
    {
        await _sut.RunAsync("r1", "a,1.00,2024-01-05", ",2.00,2024-02-05");

        var report = await _sut.ValidateAsync("r1");

        Assert.False(report.Passed);
        Assert.Equal(["max_quarantine_ratio", "min_rows"], report.FailedChecks.Select(c => c.Name));
        Assert.Contains("1 of 2 rows quarantined", report.DescribeFailures(), StringComparison.Ordinal);
        Assert.Equal("rejected", (string?)JsonNode.Parse(_sut.Read(RunFolder + "r1/_run.json"))!["status"]);
    }

    [Fact]
    public async Task ValidateAsync_RowCountHalvedAgainstPromotedRun_FailsRowChange()
    {
        await _sut.PublishAsync("r1", "a,1,2024-01-05", "b,1,2024-01-06", "c,1,2024-01-07", "d,1,2024-01-08", "e,1,2024-01-09");
        await _sut.RunAsync("r2", "a,1,2024-01-05", "b,1,2024-01-06");

        var report = await _sut.ValidateAsync("r2");

        var check = Assert.Single(report.FailedChecks);
        Assert.Equal("max_row_change_ratio", check.Name);
        Assert.Equal(0.6, (double?)check.Measured);
        Assert.Contains("against 5 in promoted run r1", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_SuccessMarkerAndADataFileGone_FailsBothChecks()
    {
        await _sut.RunAsync("r1", "a,1.00,2024-01-05", "b,2.00,2024-02-05");
        _sut.Lake.Delete(RunFolder + "r1/_SUCCESS");
        _sut.Lake.Delete(_sut.Lake.List(RunFolder + "r1/day_month=2/").Single().Path);

        var report = await _sut.ValidateAsync("r1");

        Assert.Equal(["success_marker", "partitions_present"], report.FailedChecks.Select(c => c.Name));
        Assert.Contains("day_month=2/", report.FailedChecks[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_UnknownRun_ThrowsNamingTheLedgerPath()
    {
        var error = await Assert.ThrowsAsync<MedallionException>(() => _sut.ValidateAsync("nope"));

        Assert.Contains("run 'nope' has no ledger", error.Message, StringComparison.Ordinal);
    }
}
