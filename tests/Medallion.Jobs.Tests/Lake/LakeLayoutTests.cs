using Medallion.Jobs.Lake;

namespace Medallion.Jobs.Tests.Lake;

public sealed class LakeLayoutTests
{
    private readonly LakeLayout _sut = new("mortgage_transactions", "transactions", "v1");

    [Fact]
    public void Paths_FollowTheDesignedLayout()
    {
        Assert.Equal("bronze/mortgage_transactions/transactions/schema_v=1", _sut.Bronze);
        Assert.Equal("silver/mortgage_transactions/transactions/schema_v=1/runs/run_key=k1", _sut.SilverRun("k1"));
        Assert.Equal("silver/mortgage_transactions/transactions/schema_v=1/current", _sut.SilverCurrent);
        Assert.Equal("silver/mortgage_transactions/transactions/_LATEST.json", _sut.Latest);
        Assert.Equal("quarantine/mortgage_transactions/transactions/schema_v=1", _sut.Quarantine);
    }

    [Fact]
    public void SilverRun_HostileKey_Throws() => Assert.Throws<ArgumentException>(() => _sut.SilverRun("../../x"));
}
