using Medallion.Testing;

namespace Medallion.Cli.Tests.Commands;

/// <summary>
/// The plans of the sample datasets, pinned byte for byte in <c>Plans/</c>: what <c>medallion plan</c>
/// prints is what the engines execute, so a change here is a change to every run. After a deliberate
/// change, run the tests with <c>MEDALLION_UPDATE_PLANS=1</c> to rewrite the files, and review their diff.
/// </summary>
public sealed class PlanCommandSampleTests : IDisposable
{
    /// <summary>Fixed absolute roots, so the printed paths (and the prefix lengths computed from them) do not depend on the machine.</summary>
    private const string Root = "/srv/medallion";

    private readonly TempDirectory _conf = new("medallion-plan-samples");

    public PlanCommandSampleTests()
    {
        Directory.CreateDirectory(_conf.Combine("datasets"));
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Conf, "datasets"), "*.yaml"))
        {
            File.Copy(file, _conf.Combine("datasets", Path.GetFileName(file)));
        }

        File.WriteAllText(_conf.Combine("medallion.yaml"), $$"""
            default_environment: local
            environments:
              local: { lake_root: {{Root}}/lake, raw_root: {{Root}}/samples, engine: duckdb }
            """);
    }

    public static TheoryData<string, string> Samples => new()
    {
        { "mortgage_transactions", "duckdb" },
        { "mortgage_transactions", "spark" },
        { "wordpress_api", "duckdb" },
        { "wordpress_api", "spark" },
    };

    public void Dispose() => _conf.Dispose();

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Plan_SampleDataset_PrintsThePinnedScript(string dataset, string engine)
    {
        var pinned = Path.Combine(RepositoryPaths.Root, "tests", "Medallion.Cli.Tests", "Commands", "Plans", $"{dataset}.{engine}.sql");

        var (exitCode, output, error) = await CliRunner.RunAsync("plan", dataset, "--engine", engine, "--conf", _conf.Path);

        Assert.Equal((0, ""), (exitCode, error));
        if (Environment.GetEnvironmentVariable("MEDALLION_UPDATE_PLANS") == "1")
        {
            await File.WriteAllTextAsync(pinned, output);
        }

        Assert.Equal(await File.ReadAllTextAsync(pinned), output);
    }
}
