using Medallion.Jobs.Engine.Spark;

namespace Medallion.Jobs.Tests.Engine.Spark;

public sealed class SparkJobArgumentsTests
{
    private static readonly string[] Valid =
        ["--conf", "conf", "--dataset", "wordpress_api", "--table", "posts", "--layer", "silver", "--run-key", "2024-01-01_abc", "--env", "prod"];

    [Fact]
    public void Parse_AllArguments_ReturnsThem()
    {
        var sut = SparkJobArguments.Parse(Valid);

        Assert.Equal(new SparkJobArguments("conf", "wordpress_api", "posts", "silver", "2024-01-01_abc", "prod"), sut);
    }

    [Theory]
    [InlineData("--layer", "gold", "--layer must be bronze or silver, not 'gold'")]
    [InlineData("--run-key", "../x", "--run-key '../x' is invalid")]
    public void Parse_BadValue_NamesTheArgument(string name, string value, string expected)
    {
        var args = Valid.ToArray();
        args[Array.IndexOf(args, name) + 1] = value;

        var error = Assert.Throws<ArgumentException>(() => SparkJobArguments.Parse(args));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.EndsWith(SparkJobArguments.Usage, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingArguments_ListsThem()
    {
        var error = Assert.Throws<ArgumentException>(() => SparkJobArguments.Parse(Valid[..8]));

        Assert.StartsWith("missing --run-key, --env", error.Message, StringComparison.Ordinal);
    }
}
