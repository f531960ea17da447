using Medallion.Jobs.Config;

namespace Medallion.Jobs.Tests.Config;

public sealed class ConfigurationExceptionTests
{
    [Fact]
    public void ToString_ConfigError_ReadsFileLineColumnMessage()
    {
        var sut = new ConfigError(new SourceLocation("conf/datasets/orders.yaml", 7, 9), "unknown rule `is_null`");

        Assert.Equal("conf/datasets/orders.yaml:7:9: unknown rule `is_null`", sut.ToString());
    }

    [Fact]
    public void Message_TwoErrors_ListsOnePerLine()
    {
        var sut = new ConfigurationException(
        [
            new ConfigError(new SourceLocation("a.yaml", 1, 2), "first"),
            new ConfigError(new SourceLocation("b.yaml", 3, 4), "second"),
        ]);

        Assert.Equal(["The configuration has 2 errors:", "a.yaml:1:2: first", "b.yaml:3:4: second"], sut.Message.Split(Environment.NewLine));
        Assert.IsAssignableFrom<MedallionException>(sut);
        Assert.False(sut.IsTransient);
    }
}
