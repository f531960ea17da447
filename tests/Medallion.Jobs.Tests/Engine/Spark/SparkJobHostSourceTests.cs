using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Medallion.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Medallion.Jobs.Tests.Engine.Spark;

/// <summary>
/// The Spark job host is compiled by the solution build (see <see cref="Build_JobHost_CompiledAgainstMicrosoftSpark231"/>);
/// Spark cannot run here, so its sources are also checked to run only SQL rendered by the tested plan builders.
/// </summary>
public sealed class SparkJobHostSourceTests
{
    private static readonly string HostFolder = Path.Combine(RepositoryPaths.Root, "orchestration", "Medallion.Jobs.Spark");

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

    /// <summary>Regression (issue 11): a table that failed left its rows cached for the next table of the job.</summary>
    [Theory]
    [MemberData(nameof(Sources))]
    public void Uncache_JobHostSource_RunsInAFinallyBlock(string file)
    {
        var uncaches = Parse(file).GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.Text: var name } && name.StartsWith("Uncache", StringComparison.Ordinal));

        Assert.All(uncaches, call => Assert.NotNull(call.FirstAncestorOrSelf<FinallyClauseSyntax>()));
    }

    /// <summary>
    /// Regression (issue 11): the host sat outside the solution, so nothing compiled it, and it pinned
    /// Microsoft.Spark 2.4.0, which was never released. It is now built by the README's test command,
    /// against the 2.3.1 package or, where the feed lacks it, that release's reference assembly.
    /// </summary>
    [Fact]
    public void Project_JobHost_IsBuiltWithTheSolutionAgainstMicrosoftSpark231()
    {
        var solution = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Medallion.sln"));
        var versions = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Directory.Packages.props"));
        var targets = File.ReadAllText(Path.Combine(HostFolder, "MicrosoftSpark.targets"));

        Assert.Contains(@"orchestration\Medallion.Jobs.Spark\Medallion.Jobs.Spark.csproj", solution, StringComparison.Ordinal);
        Assert.Contains("<MicrosoftSparkVersion>2.3.1</MicrosoftSparkVersion>", versions, StringComparison.Ordinal);
        Assert.Contains("<PackageVersion Include=\"Microsoft.Spark\" Version=\"$(MicrosoftSparkVersion)\" />", versions, StringComparison.Ordinal);
        Assert.Contains("<PackageReference Include=\"Microsoft.Spark\" />", targets, StringComparison.Ordinal);
        Assert.Contains("<Reference Include=\"Microsoft.Spark\" HintPath=\"$(MicrosoftSparkReferenceAssembly)\"", targets, StringComparison.Ordinal);
        Assert.Contains("orchestration/Medallion.Jobs.Spark/Medallion.Jobs.Spark.csproj", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "build.ps1")), StringComparison.Ordinal);
    }

    /// <summary>The solution build that runs these tests compiled the host, against Microsoft.Spark 2.3.1's API.</summary>
    [Fact]
    public void Build_JobHost_CompiledAgainstMicrosoftSpark231()
    {
        var testOutput = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var configuration = Path.GetFileName(Path.GetDirectoryName(testOutput))!;
        var host = Path.Combine(HostFolder, "bin", configuration, Path.GetFileName(testOutput), "Medallion.Jobs.Spark.dll");

        Assert.True(File.Exists(host), $"{host} is missing: the solution build did not compile the Spark job host. It needs the NuGet package Microsoft.Spark 2.3.1 or its reference assembly at ../shared/spark-ref/Microsoft.Spark.dll.");
        using var reader = new PEReader(File.OpenRead(host));
        var metadata = reader.GetMetadataReader();
        var spark = metadata.AssemblyReferences.Select(metadata.GetAssemblyReference).Single(r => metadata.GetString(r.Name) == "Microsoft.Spark");
        Assert.Equal(new Version(2, 3, 1, 0), spark.Version);
    }

    private static SyntaxTree Parse(string file) =>
        CSharpSyntaxTree.ParseText(File.ReadAllText(Path.Combine(HostFolder, file)), new CSharpParseOptions(LanguageVersion.Preview), path: file);
}
