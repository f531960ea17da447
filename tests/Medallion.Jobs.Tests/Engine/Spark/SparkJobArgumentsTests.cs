using Medallion.Jobs.Engine.Spark;

namespace Medallion.Jobs.Tests.Engine.Spark;

public sealed class SparkJobArgumentsTests
{
    private static readonly string[] Valid =
        ["--conf", "conf", "--dataset", "wordpress_api", "--table", "posts", "--step", "silver", "--run-key", "2024-01-01_abc", "--env", "prod"];

    [Fact]
    public void Parse_AllArguments_ReturnsThem()
    {
        var sut = SparkJobArguments.Parse(Valid);

        Assert.Equal(new SparkJobArguments("conf", "wordpress_api", "posts", "silver", "2024-01-01_abc", "prod"), sut);
        Assert.True(sut.IsLayer);
    }

    [Fact]
    public void Parse_PromoteWithoutTable_EveryTableThroughTheGate()
    {
        var sut = SparkJobArguments.Parse(["--conf", "conf", "--dataset", "wordpress_api", "--step", "promote", "--run-key", "k-1", "--env", "prod"]);

        Assert.Null(sut.Table);
        Assert.Equal(SparkJobArguments.Promote, sut.Step);
        Assert.False(sut.IsLayer);
    }

    [Theory]
    [InlineData("--step", "gold", "--step must be bronze, silver or promote, not 'gold'")]
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

    [Fact]
    public void Parse_OldLayerArgument_IsUnknown()
    {
        var error = Assert.Throws<ArgumentException>(() => SparkJobArguments.Parse([.. Valid, "--layer", "silver"]));

        Assert.StartsWith("unknown argument '--layer'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("posts", "bronze")]
    [InlineData(null, "silver")]
    [InlineData(null, "promote")]
    public void ToArguments_AnyStep_ParsesBackToTheSameArguments(string? table, string step)
    {
        var sut = new SparkJobArguments("conf", "wordpress_api", table, step, "k-1", "prod");

        Assert.Equal(sut, SparkJobArguments.Parse(sut.ToArguments()));
    }

    [Fact]
    public void Parse_TraceArguments_ReadsExecutionStateMachineAndJobRuns()
    {
        const string Execution = "arn:aws:states:eu-west-1:123456789012:execution:medallion-prod:20261123T093000Z-abcdef";

        var sut = SparkJobArguments.Parse([.. Valid[..6], "--step", "promote", .. Valid[8..],
            "--execution-arn", Execution, "--state-machine", "medallion-prod", "--bronze-job-run", "00fbronze", "--silver-job-run", "00fsilver"]);

        Assert.Equal((Execution, "medallion-prod"), (sut.ExecutionArn, sut.StateMachine));
        Assert.Equal(new Dictionary<string, string> { ["bronze"] = "00fbronze", ["silver"] = "00fsilver" }, sut.JobRunIds);
        var back = SparkJobArguments.Parse(sut.ToArguments());
        Assert.Equal((sut.ExecutionArn, sut.StateMachine), (back.ExecutionArn, back.StateMachine));
        Assert.Equal(sut.JobRunIds, back.JobRunIds!);
        Assert.Null(SparkJobArguments.Parse(Valid).JobRunIds);
    }

    [Theory]
    [InlineData("--bronze-job-run", "00F-BAD", "--bronze-job-run '00F-BAD' is invalid")]
    [InlineData("--execution-arn", "not-an-arn", "--execution-arn 'not-an-arn' is invalid")]
    public void Parse_BadTraceValue_NamesTheArgument(string name, string value, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => SparkJobArguments.Parse([.. Valid, name, value]));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }
}
