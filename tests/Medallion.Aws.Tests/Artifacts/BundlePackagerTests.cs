using System.IO.Compression;
using Medallion.Aws.Artifacts;
using Medallion.Aws.Submit;
using Medallion.Testing;

namespace Medallion.Aws.Tests.Artifacts;

public sealed class BundlePackagerTests
{
    [Fact]
    public void CreateZip_FakePublishFolder_HasHostJarAndConf()
    {
        using var temp = new TempDirectory();
        var publish = FakePublish(temp.Combine("publish"));
        var zipPath = temp.Combine("out", "medallion-spark-prod.zip");

        BundlePackager.CreateZip(publish, RepositoryPaths.Conf, zipPath);

        using var zip = ZipFile.OpenRead(zipPath);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains(SparkJob.HostExecutable, names);
        Assert.Contains(ArtifactLayout.MicrosoftSparkJar, names);
        Assert.Contains("conf/medallion.yaml", names);
        Assert.Contains("conf/datasets/mortgage_transactions.yaml", names);
        Assert.Equal(0x1ED, (zip.GetEntry(SparkJob.HostExecutable)!.ExternalAttributes >> 16) & 0x1FF);
        Assert.False(File.Exists(zipPath + ".partial"));
    }

    [Fact]
    public void CreateZip_FolderWithoutHost_ThrowsNamingIt()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("publish"));

        var error = Assert.Throws<MedallionException>(() => BundlePackager.CreateZip(temp.Combine("publish"), RepositoryPaths.Conf, temp.Combine("b.zip")));

        Assert.Contains(SparkJob.HostExecutable, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.Combine("b.zip")));
    }

    [Fact]
    public async Task PublishAsync_ProjectMissing_ThrowsNamingSparkPackage()
    {
        using var temp = new TempDirectory();

        var error = await Assert.ThrowsAsync<MedallionException>(() => BundlePackager.PublishAsync(temp.Combine("Medallion.Jobs.Spark.csproj"), temp.Combine("publish")));

        Assert.Contains("Microsoft.Spark 2.3.1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_RestoreFails_ThrowsNamingSparkPackage()
    {
        using var temp = new TempDirectory();
        var project = temp.Combine("Broken.csproj");
        // A project whose restore cannot succeed, standing in for Microsoft.Spark on this feed.
        await File.WriteAllTextAsync(project, """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
              <ItemGroup><PackageReference Include="Medallion.NoSuchPackage.ForTests" Version="9.9.9" /></ItemGroup>
            </Project>
            """);

        var error = await Assert.ThrowsAsync<MedallionException>(() => BundlePackager.PublishAsync(project, temp.Combine("publish")));

        Assert.Contains("Microsoft.Spark 2.3.1", error.Message, StringComparison.Ordinal);
        Assert.Contains("Medallion.NoSuchPackage.ForTests", error.Message, StringComparison.Ordinal);
    }

    internal static string FakePublish(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, SparkJob.HostExecutable), "#!/bin/sh\n");
        File.WriteAllText(Path.Combine(directory, "Medallion.Jobs.dll"), "not really a dll");
        File.WriteAllText(Path.Combine(directory, ArtifactLayout.MicrosoftSparkJar), "not really a jar");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(directory, SparkJob.HostExecutable), (UnixFileMode)0x1ED);
        }

        return directory;
    }
}
