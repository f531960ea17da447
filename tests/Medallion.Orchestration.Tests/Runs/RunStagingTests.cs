using Medallion.Delta.S3;
using Medallion.Delta.Storage;
using Medallion.Jobs.Config;
using Medallion.Orchestration.Runs;
using Medallion.Testing;

namespace Medallion.Orchestration.Tests.Runs;

public sealed class RunStagingTests : IDisposable
{
    private readonly TempDirectory _folder = new("medallion-staging");

    /// <summary>Registers the S3 store as the hosts do at start-up.</summary>
    public RunStagingTests() => ObjectStoreRegistry.Default.Register(new S3ObjectStoreFactory());

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Open_LocalRoots_WorksInTheRootsThemselves()
    {
        using var sut = RunStaging.Open(Environment(_folder.Combine("lake")), _folder.Combine("raw"));

        Assert.Null(sut.Folder);
        Assert.Equal(_folder.Combine("lake"), sut.LakeDirectory);
        Assert.Equal(_folder.Combine("raw"), sut.Raw.LocalRoot);
        Assert.False(Directory.Exists(_folder.Combine("tmp")));
    }

    [Fact]
    public void Dispose_S3Lake_DeletesTheStagingFolderBelowTheTempDirectory()
    {
        var sut = RunStaging.Open(Environment("s3://acme-lake/prod"), _folder.Combine("raw"));
        Assert.IsType<S3ObjectStore>(sut.Lake);
        var folder = sut.Folder!;
        Assert.StartsWith(_folder.Combine("tmp"), folder, StringComparison.Ordinal);
        Assert.StartsWith(folder, sut.LakeDirectory, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "part-1.parquet"), "x");

        sut.Dispose();

        Assert.False(Directory.Exists(folder));
    }

    private EnvironmentSpec Environment(string lakeRoot) =>
        new("test", lakeRoot, "./raw", EngineKind.DuckDb, new DuckDbSpec(TempDirectory: _folder.Combine("tmp")), new AwsSpec("eu-west-1", "http://127.0.0.1:5999"),
            new SourceLocation("medallion.yaml", 3, 3));
}
