using Medallion.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Medallion.Jobs.Tests.Engine.Spark;

/// <summary>
/// The Spark job host cannot be built here (Microsoft.Spark is not in this feed), so its sources
/// are at least parsed, and checked to run only SQL rendered by the tested plan builders.
/// </summary>
public sealed class SparkJobHostSourceTests
{
    private static readonly string HostFolder = Path.Combine(RepositoryPaths.Root, "jobs", "Medallion.Jobs.Spark");

    public static TheoryData<string> Sources => new(Directory.GetFiles(HostFolder, "*.cs").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Sources))]
    public void Parse_JobHostSource_HasNoSyntaxErrors(string file)
    {
        var tree = Parse(file);

        var errors = tree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void SqlCalls_JobHostSource_PassOnlyRenderedStatements(string file)
    {
        var sqlArguments = Parse(file).GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.Text: "Sql" })
            .Select(i => i.ArgumentList.Arguments.Single().Expression);

        // SQL written inline in the host would escape the grammar test; it must come from a builder call.
        Assert.All(sqlArguments, argument => Assert.IsType<InvocationExpressionSyntax>(argument));
    }

    [Fact]
    public void Project_JobHost_IsOutsideTheSolutionAndReferencesMicrosoftSpark()
    {
        var solution = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Medallion.sln"));
        var project = File.ReadAllText(Path.Combine(HostFolder, "Medallion.Jobs.Spark.csproj"));
        var versions = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Directory.Packages.props"));

        Assert.DoesNotContain("Medallion.Jobs.Spark", solution, StringComparison.Ordinal);
        Assert.Contains("<PackageReference Include=\"Microsoft.Spark\" />", project, StringComparison.Ordinal);
        Assert.Contains("<PackageVersion Include=\"Microsoft.Spark\" Version=\"2.4.0\" />", versions, StringComparison.Ordinal);
        Assert.Contains("jobs/Medallion.Jobs.Spark/Medallion.Jobs.Spark.csproj", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "build.ps1")), StringComparison.Ordinal);
    }

    private static SyntaxTree Parse(string file) =>
        CSharpSyntaxTree.ParseText(File.ReadAllText(Path.Combine(HostFolder, file)), new CSharpParseOptions(LanguageVersion.Preview), path: file);
}
