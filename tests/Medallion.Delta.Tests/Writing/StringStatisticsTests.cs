using Medallion.Delta.Writing;

namespace Medallion.Delta.Tests.Writing;

public sealed class StringStatisticsTests
{
    private static readonly string ThirtyTwo = new('a', 32);

    [Fact]
    public void TruncateMinAndMax_AtMostThirtyTwoCharacters_KeepTheValue()
    {
        Assert.Equal(ThirtyTwo, StringStatistics.TruncateMin(ThirtyTwo));
        Assert.Equal(ThirtyTwo, StringStatistics.TruncateMax(ThirtyTwo));
    }

    [Fact]
    public void TruncateMin_LongValue_KeepsTheFirstThirtyTwoCharacters()
    {
        Assert.Equal(ThirtyTwo, StringStatistics.TruncateMin(ThirtyTwo + "zzz"));
    }

    [Fact]
    public void TruncateMax_LongValue_AppendsTheTieBreakerLikeDeltaSpark()
    {
        var sut = StringStatistics.TruncateMax(ThirtyTwo + "zzz");

        Assert.Equal(ThirtyTwo + "\uFFFD", sut);
        Assert.True(string.CompareOrdinal(sut, ThirtyTwo + "zzz") > 0);
    }

    [Fact]
    public void TruncateMax_CutCharactersAtOrAboveTheTieBreaker_AreKeptBeforeIt()
    {
        Assert.Equal(ThirtyTwo + "\uFFFF\uFFFD\uFFFD", StringStatistics.TruncateMax(ThirtyTwo + "\uFFFF\uFFFDb"));
    }

    /// <summary>Regression: the engine cut the minimum at 32 UTF-16 units, leaving half a surrogate pair.</summary>
    [Fact]
    public void TruncateMin_EmojiAcrossTheBoundary_NeverSplitsASurrogatePair()
    {
        var value = new string('a', 31) + "😀😀";

        var sut = StringStatistics.TruncateMin(value);

        Assert.Equal(new string('a', 31) + "😀", sut);
        Assert.False(char.IsHighSurrogate(sut[^1]));
    }

    /// <summary>An emoji sorts above U+FFFD in UTF-8 byte order, so it stays in the maximum rather than being replaced by a smaller tie-breaker.</summary>
    [Fact]
    public void TruncateMax_EmojiAfterTheCut_IsKeptSoTheBoundStaysAnUpperBound()
    {
        var value = ThirtyTwo + "😀b";

        var sut = StringStatistics.TruncateMax(value);

        Assert.Equal(ThirtyTwo + "😀\uFFFD", sut);
        Assert.True(Utf8Compare(sut, value) > 0);
    }

    private static int Utf8Compare(string left, string right) =>
        System.Text.Encoding.UTF8.GetBytes(left).AsSpan().SequenceCompareTo(System.Text.Encoding.UTF8.GetBytes(right));
}
