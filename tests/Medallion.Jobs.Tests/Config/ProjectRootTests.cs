using Medallion.Jobs.Config;

namespace Medallion.Jobs.Tests.Config;

/// <summary>Regression (issue 18): relative roots resolved against the working directory, so `--conf` from elsewhere wrote a stray ./lake.</summary>
public sealed class ProjectRootTests : IDisposable
{
    private readonly ConfigFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void LoadSettings_RelativeRoots_ResolveAgainstTheConfFoldersParent()
    {
        var path = _files.WriteSettings("""
            environments:
              local:
                lake_root: ./lake
                raw_root: data/raw
                duckdb: { temp_directory: ../scratch }
              prod:
                lake_root: s3://acme-lake/medallion
                raw_root: /mnt/raw
            """);

        var sut = ConfigLoader.LoadSettings(path);

        var project = Path.GetDirectoryName(_files.Conf)!;
        var local = sut.Environments["local"];
        Assert.Equal(
            (Path.Combine(project, "lake"), Path.Combine(project, "data", "raw"), Path.GetFullPath(Path.Combine(project, "..", "scratch"))),
            (local.LakeRoot, local.RawRoot, local.DuckDb.TempDirectory));
        Assert.Equal(("s3://acme-lake/medallion", "/mnt/raw"), (sut.Environments["prod"].LakeRoot, sut.Environments["prod"].RawRoot));
    }
}
