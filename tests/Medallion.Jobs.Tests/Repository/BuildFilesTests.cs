using System.Xml;
using System.Xml.Linq;
using Medallion.Testing;

namespace Medallion.Jobs.Tests.Repository;

/// <summary>
/// Regression (issue 11): the Spark host's project file had <c>--</c> inside an XML comment, which
/// MSBuild refuses to load (MSB4025), and nothing noticed because nothing built it. Every build file
/// of the repository must at least be well-formed XML.
/// </summary>
public sealed class BuildFilesTests
{
    private static readonly string[] Extensions = [".csproj", ".props", ".targets"];

    private static readonly IReadOnlyList<string> Files = [..
        Directory.EnumerateFiles(RepositoryPaths.Root, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(part => part is "bin" or "obj" or ".tools" or "node_modules" or ".git"))
            .Order(StringComparer.Ordinal)];

    public static TheoryData<string> BuildFiles => new(Files);

    [Theory]
    [MemberData(nameof(BuildFiles))]
    public void Load_BuildFile_IsWellFormedXml(string file)
    {
        var path = Path.Combine(RepositoryPaths.Root, file);

        var error = Record.Exception(() => XDocument.Load(path));

        Assert.True(error is null, $"{file} is not well-formed XML, so MSBuild cannot load it: {(error as XmlException)?.Message ?? error?.Message}");
    }

    [Fact]
    public void BuildFiles_Repository_IncludeEveryProjectOfTheSolution()
    {
        Assert.Contains("orchestration/Medallion.Jobs.Spark/Medallion.Jobs.Spark.csproj", Files);
        Assert.Contains("Directory.Packages.props", Files);
    }

    /// <summary>Issue 15: what one product assembly uses of another is public and tracked, never reached through InternalsVisibleTo.</summary>
    [Fact]
    public void InternalsVisibleTo_ProductProjects_NameTestAssembliesOnly()
    {
        var granted = Files.Where(f => f.EndsWith(".csproj", StringComparison.Ordinal) && !f.StartsWith("tests/", StringComparison.Ordinal))
            .SelectMany(f => XDocument.Load(Path.Combine(RepositoryPaths.Root, f)).Descendants("InternalsVisibleTo")
                .Select(e => (Project: f, Assembly: (string?)e.Attribute("Include") ?? "")))
            .Where(g => !g.Assembly.EndsWith(".Tests", StringComparison.Ordinal) && g.Assembly != "DynamicProxyGenAssembly2")
            .Select(g => $"{g.Project} -> {g.Assembly}");

        Assert.Empty(granted);
    }

    /// <summary>Issue 15: every product library tracks its public API, so a change to it without its line fails the build.</summary>
    [Theory]
    [InlineData("core/Medallion.Core")]
    [InlineData("jobs/Medallion.Delta")]
    [InlineData("jobs/Medallion.Delta.S3")]
    [InlineData("jobs/Medallion.Jobs")]
    [InlineData("orchestration/Medallion.Orchestration")]
    [InlineData("orchestration/Medallion.Aws")]
    public void PublicApi_ProductLibrary_IsTrackedByTheAnalyzer(string folder)
    {
        var directory = Path.Combine(RepositoryPaths.Root, folder);
        var project = File.ReadAllText(Path.Combine(directory, Path.GetFileName(folder) + ".csproj"));

        Assert.Contains("eng/PublicApi.props", project, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(directory, "PublicAPI.Shipped.txt")), $"{folder} has no PublicAPI.Shipped.txt");
        Assert.True(File.Exists(Path.Combine(directory, "PublicAPI.Unshipped.txt")), $"{folder} has no PublicAPI.Unshipped.txt");
    }
}
