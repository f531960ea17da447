namespace Medallion.Samples.Tests;

public sealed class BadRowScheduleTests
{
    private enum Kind
    {
        First,
        Second,
        Third,
    }

    [Theory]
    [InlineData(1_000, 0.01, 10)]
    [InlineData(1_000, 0.0, 0)]
    [InlineData(7, 1.0, 7)]
    [InlineData(50, 0.05, 3)] // 2.5 rounds away from zero
    public void KindAt_AnyShare_SchedulesRoundedShareOfRows(long rows, double share, int expected)
    {
        var sut = new BadRowSchedule<Kind>(rows, share, [Kind.First, Kind.Second, Kind.Third], new SplitMix64(1));

        var kinds = new List<Kind>();
        for (long row = 0; row < rows; row++)
        {
            if (sut.KindAt(row) is { } kind)
            {
                kinds.Add(kind);
            }
        }

        Assert.Equal(expected, kinds.Count);
        Assert.Equal(Enumerable.Range(0, expected).Select(i => (Kind)(i % 3)), kinds);
    }
}
