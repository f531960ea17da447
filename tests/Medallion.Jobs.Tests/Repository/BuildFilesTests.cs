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
        Assert.Contains("jobs/Medallion.Jobs.Spark/Medallion.Jobs.Spark.csproj", Files);
        Assert.Contains("Directory.Packages.props", Files);
    }
}
