namespace Medallion.Samples.Tests;

public sealed class SplitMix64Tests
{
    [Fact]
    public void NextUInt64_SeedZero_MatchesReferenceSequence()
    {
        // The reference C implementation (prng.di.unimi.it/splitmix64.c) from state 0.
        var sut = new SplitMix64(0);

        Assert.Equal(0xE220A8397B1DCDAFUL, sut.NextUInt64());
        Assert.Equal(0x6E789E6AA1B965F4UL, sut.NextUInt64());
        Assert.Equal(0x06C45D188009454FUL, sut.NextUInt64());
    }

    [Fact]
    public void NextLong_ManyDraws_StayInRange()
    {
        var sut = new SplitMix64(7);

        for (var i = 0; i < 10_000; i++)
        {
            Assert.InRange(sut.NextLong(13), 0, 12);
        }
    }
}
