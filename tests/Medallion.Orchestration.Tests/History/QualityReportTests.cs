using Medallion.Orchestration.History;

namespace Medallion.Orchestration.Tests.History;

public sealed class QualityReportTests
{
    [Theory]
    [InlineData(0.00, 0.10, true)]   // from nothing to a tenth
    [InlineData(0.02, 0.05, true)]   // 2.5 times, 3 points up
    [InlineData(0.001, 0.003, false)] // three times, but a fifth of a point
    [InlineData(0.40, 0.415, false)] // 1.5 points, but barely more than before
    [InlineData(0.05, 0.05, false)]
    [InlineData(0.10, 0.02, false)]
    [InlineData(null, 0.30, false)]  // nothing to compare with
    public void IsJump_PreviousAndCurrentShare_FlagsOnlySharpRises(double? previous, double? current, bool expected)
    {
        Assert.Equal(expected, QualityReport.IsJump(previous, current));
    }

    [Fact]
    public void For_FailedRunInBetween_ComparesWithTheLastRunThatHadAShare()
    {
        RunHistoryRow[] history = [Row("k3", 100, 30), Row("k2", null, null, "failed"), Row("k1", 100, 5)];

        var sut = QualityReport.For(history, last: 2);

        Assert.Equal(["k3", "k2"], sut.Select(r => r.Row.RunKey));
        Assert.True(sut[0].Jumped);
        Assert.Null(sut[1].Share);
        Assert.Equal(["b 20", "a 7", "c 7"], sut[0].TopRules.Select(r => $"{r.Key} {r.Value}"));
    }

    private static RunHistoryRow Row(string runKey, long? read, long? quarantined, string status = "promoted") => new(
        "shop", "orders", runKey, "duckdb", "local", "1", status, null,
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, null, 1, read, read, read - quarantined, quarantined, 0, 0, 0,
        quarantined is null ? new Dictionary<string, long>() : new Dictionary<string, long> { ["a"] = 7, ["b"] = 20, ["c"] = 7, ["d"] = 1, ["e"] = 0 },
        null, new Dictionary<string, string>(), null, null, null, new Dictionary<string, string>());
}
