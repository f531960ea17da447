using Medallion.Aws.Artifacts;
using Medallion.Aws.Submit;
using Medallion.Jobs.Engine.Spark;

namespace Medallion.Aws.Tests.Submit;

public sealed class SparkJobTests
{
    public static TheoryData<string?, string> Steps => new()
    {
        { null, SparkJob.Bronze },
        { "transactions", SparkJob.Bronze },
        { null, SparkJob.Silver },
        { "transactions", SparkJob.Silver },
        { null, SparkJob.Promote },
        { "transactions", SparkJob.Promote },
    };

    /// <summary>
    /// Issue 14: the token was the run key and step alone, so a second submit of a failed key got the failed
    /// job run back from EMR. Within one attempt it stays the same (retried calls are idempotent); a new attempt differs.
    /// </summary>
    [Fact]
    public void Request_SameAttempt_SameClientTokenOtherAttemptsAndStepsDiffer()
    {
        using var conf = new AwsConf();
        var environment = AwsEnvironment.Resolve(conf.Load(), "prod");

        var sut = SparkJob.Request(environment, "shop", null, SparkJob.Bronze, "k-1", "aaaaaa");

        Assert.Equal(sut.ClientToken, SparkJob.Request(environment, "shop", null, SparkJob.Bronze, "k-1", "aaaaaa").ClientToken);
        Assert.NotEqual(sut.ClientToken, SparkJob.Request(environment, "shop", null, SparkJob.Bronze, "k-1", "bbbbbb").ClientToken);
        Assert.NotEqual(sut.ClientToken, SparkJob.Request(environment, "shop", null, SparkJob.Silver, "k-1", "aaaaaa").ClientToken);
        Assert.NotEqual(sut.ClientToken, SparkJob.Request(environment, "shop", "orders", SparkJob.Bronze, "k-1", "aaaaaa").ClientToken);
        Assert.Equal("k-1.shop.bronze.aaaaaa", sut.ClientToken);
        Assert.NotEqual(JobAttempt.New(), JobAttempt.New());
    }

    [Fact]
    public void Request_LongRunKey_ClientTokenFitsTheModel()
    {
        using var conf = new AwsConf();
        var environment = AwsEnvironment.Resolve(conf.Load(), "prod");
        var runKey = new string('k', 80);

        var sut = SparkJob.Request(environment, "mortgage_transactions", "transactions", SparkJob.Silver, runKey, "aaaaaa");

        Assert.Matches("^[A-Za-z0-9._-]{1,64}$", sut.ClientToken);
        Assert.NotEqual(sut.ClientToken, SparkJob.Request(environment, "mortgage_transactions", "transactions", SparkJob.Bronze, runKey, "aaaaaa").ClientToken);
        Assert.NotEqual(sut.ClientToken, SparkJob.Request(environment, "mortgage_transactions", "transactions", SparkJob.Silver, runKey, "bbbbbb").ClientToken);
    }

    [Theory]
    [InlineData(SparkJob.Bronze, 240)]
    [InlineData(SparkJob.Silver, 240)]
    [InlineData(SparkJob.Promote, 60)]
    public void Request_AnyStep_CarriesItsExecutionTimeout(string step, int minutes)
    {
        using var conf = new AwsConf();
        var environment = AwsEnvironment.Resolve(conf.Load(), "prod");

        var sut = SparkJob.Request(environment, "shop", null, step, "k-1", "aaaaaa");

        Assert.Equal(minutes, sut.ExecutionTimeoutMinutes);
    }

    [Fact]
    public void Request_Bronze_DotnetRunnerWithBundleAndHostArguments()
    {
        using var conf = new AwsConf();
        var environment = AwsEnvironment.Resolve(conf.Load(), "prod");

        var sut = SparkJob.Request(environment, "shop", "orders", SparkJob.Bronze, "k-1", "aaaaaa");

        Assert.Equal("s3://acme-artifacts/medallion/prod/microsoft-spark-3-5_2.12-2.3.1.jar", sut.EntryPoint);
        Assert.StartsWith("--class org.apache.spark.deploy.dotnet.DotnetRunner", sut.SparkSubmitParameters, StringComparison.Ordinal);
        Assert.Contains("spark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension", sut.SparkSubmitParameters, StringComparison.Ordinal);
        Assert.Equal(
            ["s3://acme-artifacts/medallion/prod/medallion-spark.zip", "Medallion.Jobs.Spark",
             "--conf", "conf", "--dataset", "shop", "--table", "orders", "--step", "bronze", "--run-key", "k-1", "--env", "prod"],
            sut.EntryPointArguments);
    }

    /// <summary>
    /// Regression (issue 11): DotnetRunner 2.3.1 refuses Spark 3.5.x patch releases it does not know, and EMR 7.x
    /// releases after 7.7 ship them; the release label must stay the one place the Spark version is chosen.
    /// </summary>
    [Fact]
    public void SparkSubmitParameters_AnyRelease_IgnoresTheSparkPatchVersionCheck()
    {
        Assert.Contains(" --conf spark.dotnet.ignoreSparkPatchVersionCheck=true", SparkJob.SparkSubmitParameters, StringComparison.Ordinal);
    }

    /// <summary>Regression: submit built `run shop --layer bronze …` while the job host parsed `--dataset … --layer …` (issue 5).</summary>
    [Theory]
    [MemberData(nameof(Steps))]
    public void Arguments_EveryStep_ParsedBackByTheJobHost(string? table, string step)
    {
        var artifacts = ArtifactLayout.For("s3://acme-artifacts/medallion/prod");

        var sut = SparkJob.Arguments(artifacts, "prod", "mortgage_transactions", table, step, "20261123T093000Z-abcdef");

        // DotnetRunner takes the bundle and the executable; the host gets the rest.
        Assert.Equal([artifacts.Bundle.ToString(), SparkJob.HostExecutable], sut.Take(2));
        var parsed = SparkJobArguments.Parse([.. sut.Skip(2)]);
        Assert.Equal(new SparkJobArguments(SparkJob.BundleConf, "mortgage_transactions", table, step, "20261123T093000Z-abcdef", "prod"), parsed);
    }
}
