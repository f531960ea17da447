using Medallion.Jobs.Config;
using Medallion.Orchestration.Runs;
using Medallion.Testing;
using Medallion.Testing.Moto;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Orchestration.Tests.Runs;

/// <summary>The committed mortgage sample, uploaded to a moto bucket and run into a lake there: the same counts as on a local lake.</summary>
[Collection(MotoCollection.Name)]
public sealed class SampleDatasetsS3Tests(MotoServer moto)
{
    private const string Dataset = "mortgage_transactions";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task RunAsync_MortgageSampleOnS3_MatchesExpectedCountsAndCleansUpStaging()
    {
        using var lake = TestLake.OnS3(moto);
        var bucket = lake.LakeUri["s3://".Length..].Split('/')[0];
        using var raw = new Delta.S3.S3ObjectStore(moto.Settings(), bucket, "raw");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Samples, Dataset), "*", SearchOption.AllDirectories))
        {
            await raw.WriteAsync(Path.GetRelativePath(RepositoryPaths.Samples, file).Replace('\\', '/'), await File.ReadAllBytesAsync(file));
        }

        var outcomes = await RunAsync(lake, $"s3://{bucket}/raw");

        SampleDatasetsTests.AssertMatchesExpected(outcomes, Path.Combine(RepositoryPaths.Samples, Dataset, "_expected.json"));
        Assert.All(outcomes, o => Assert.All(o.InputFiles, f => Assert.StartsWith($"{Dataset}/", f, StringComparison.Ordinal)));
        Assert.NotEmpty(lake.List($"bronze/{Dataset}/"));
        Assert.Empty(lake.LeftoverStagingFolders());
    }

    private async Task<IReadOnlyList<TableRunOutcome>> RunAsync(TestLake lake, string rawRoot)
    {
        var configuration = ConfigLoader.Load(RepositoryPaths.Conf);
        var local = configuration.Settings.Environments["local"];
        var onS3 = local with
        {
            LakeRoot = lake.LakeUri,
            RawRoot = rawRoot,
            DuckDb = local.DuckDb with { TempDirectory = lake.EngineTempDirectory },
            Aws = new AwsSpec(MotoServer.Region, moto.Endpoint.ToString()),
        };
        var settings = configuration.Settings with { Environments = new Dictionary<string, EnvironmentSpec> { ["local"] = onS3 } };
        var runner = new PipelineRunner(configuration with { Settings = settings }, _clock, new RecordingReporter());
        return await runner.RunAsync(new RunRequest(Dataset, RunKey: "sample-run"));
    }
}
