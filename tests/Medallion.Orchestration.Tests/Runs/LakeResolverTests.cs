using Medallion.Delta.S3;
using Medallion.Delta.Storage;
using Medallion.Jobs.Config;
using Medallion.Orchestration.Runs;
using Medallion.Testing;

namespace Medallion.Orchestration.Tests.Runs;

public sealed class LakeResolverTests : IDisposable
{
    private readonly TempDirectory _folder = new("medallion-resolver");

    /// <summary>Registers the S3 store as the hosts do at start-up.</summary>
    public LakeResolverTests() => ObjectStoreRegistry.Default.Register(new S3ObjectStoreFactory());

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Open_S3LakeRoot_OpensTheBucketAndPrefixWithTheEnvironmentsRegionAndEndpoint()
    {
        var sut = LakeResolver.Open(Environment("s3://acme-lake/prod/", new AwsSpec("eu-west-1", "http://127.0.0.1:5999")));

        using var store = Assert.IsType<S3ObjectStore>(sut.Store);
        Assert.Equal(("acme-lake", "prod"), (store.Bucket, store.Prefix));
        Assert.Equal("s3://acme-lake/prod/silver/x", store.Describe("silver/x"));
    }

    [Fact]
    public void StoreOptions_AwsBlock_TakesRegionAndEndpoint()
    {
        var sut = LakeResolver.StoreOptions(Environment("s3://b/l", new AwsSpec("eu-west-1", "http://127.0.0.1:5999")));

        Assert.Equal("eu-west-1", sut.Region);
        Assert.Equal(new Uri("http://127.0.0.1:5999"), sut.EndpointUrl);
    }

    [Fact]
    public void OpenStore_LocalRoot_OpensTheFolder()
    {
        var store = LakeResolver.OpenStore(_folder.Combine("lake"), Environment(_folder.Path, aws: null));

        Assert.Equal(_folder.Combine("lake"), Assert.IsType<LocalObjectStore>(store).RootDirectory);
    }

    [Theory]
    [InlineData("s3://", null)]
    [InlineData("s3://b/l", "ftp://host")]
    [InlineData("hdfs://nn/lake", null)]
    public void OpenStore_BadRootOrEndpoint_ThrowsNamingTheEnvironment(string root, string? endpoint)
    {
        var error = Assert.ThrowsAny<MedallionException>(() => LakeResolver.OpenStore(root, Environment(root, new AwsSpec("eu-west-1", endpoint))));

        Assert.Contains("`test`", error.Message, StringComparison.Ordinal);
    }

    private static EnvironmentSpec Environment(string lakeRoot, AwsSpec? aws) =>
        new("test", lakeRoot, "./raw", EngineKind.DuckDb, DuckDbSpec.Default, aws, new SourceLocation("medallion.yaml", 3, 3));
}
