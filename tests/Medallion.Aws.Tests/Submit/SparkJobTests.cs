using Medallion.Aws.Submit;

namespace Medallion.Aws.Tests.Submit;

public sealed class SparkJobTests
{
    [Fact]
    public void Request_SameRunKeyAndStep_SameClientTokenOtherStepsDiffer()
    {
        using var conf = new AwsConf();
        var environment = AwsEnvironment.Resolve(conf.Load(), "prod");

        var sut = SparkJob.Request(environment, "shop", null, SparkJob.Bronze, "k-1");

        Assert.Equal(sut.ClientToken, SparkJob.Request(environment, "shop", null, SparkJob.Bronze, "k-1").ClientToken);
        Assert.NotEqual(sut.ClientToken, SparkJob.Request(environment, "shop", null, SparkJob.Silver, "k-1").ClientToken);
        Assert.Matches("^[A-Za-z0-9._-]{1,64}$", sut.ClientToken);
    }

    [Fact]
    public void Request_Bronze_DotnetRunnerWithBundleAndHostArguments()
    {
        using var conf = new AwsConf();
        var environment = AwsEnvironment.Resolve(conf.Load(), "prod");

        var sut = SparkJob.Request(environment, "shop", "orders", SparkJob.Bronze, "k-1");

        Assert.Equal("s3://acme-artifacts/medallion/prod/microsoft-spark-3-5_2.12-2.4.0.jar", sut.EntryPoint);
        Assert.StartsWith("--class org.apache.spark.deploy.dotnet.DotnetRunner", sut.SparkSubmitParameters, StringComparison.Ordinal);
        Assert.Contains("spark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension", sut.SparkSubmitParameters, StringComparison.Ordinal);
        Assert.Equal(
            ["s3://acme-artifacts/medallion/prod/medallion-spark.zip", "Medallion.Jobs.Spark", "run", "shop", "--table", "orders", "--layer", "bronze", "--run-key", "k-1", "--env", "prod", "--conf", "conf"],
            sut.EntryPointArguments);
    }
}
