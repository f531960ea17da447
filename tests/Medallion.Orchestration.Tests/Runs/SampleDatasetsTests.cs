using System.Text.Json.Nodes;
using Medallion.Jobs.Config;
using Medallion.Samples;
using Medallion.Orchestration.Runs;
using Medallion.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Orchestration.Tests.Runs;

/// <summary>
/// The committed samples and the repository's own dataset YAMLs, run end to end: every table's
/// counts, and every rule's count, equal the numbers written down in the sample's _expected.json.
/// </summary>
public sealed class SampleDatasetsTests : IDisposable
{
    private readonly TempDirectory _lake = new("medallion-samples");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    public void Dispose() => _lake.Dispose();

    [Theory]
    [InlineData("mortgage_transactions")]
    [InlineData("wordpress_api")]
    public async Task RunAsync_CommittedSample_MatchesExpectedCounts(string dataset)
    {
        var outcomes = await RunAsync(dataset, RepositoryPaths.Samples);

        AssertMatchesExpected(outcomes, Path.Combine(RepositoryPaths.Samples, dataset, "_expected.json"));
    }

    [Fact]
    public async Task RunAsync_GeneratedMortgageInput_MatchesTheGeneratorsExpectedCounts()
    {
        using var raw = new TempDirectory("medallion-raw");
        SampleGenerator.Generate("mortgage_transactions", 20_000, Path.Combine(raw.Path, "mortgage_transactions"), badShare: 0.05, seed: 7);

        var outcomes = await RunAsync("mortgage_transactions", raw.Path);

        AssertMatchesExpected(outcomes, Path.Combine(raw.Path, "mortgage_transactions", "_expected.json"));
    }

    private async Task<IReadOnlyList<TableRunOutcome>> RunAsync(string dataset, string rawRoot)
    {
        var configuration = ConfigLoader.Load(RepositoryPaths.Conf);
        var local = configuration.Settings.Environments["local"];
        var isolated = local with
        {
            LakeRoot = _lake.Path,
            RawRoot = rawRoot,
            DuckDb = local.DuckDb with { TempDirectory = Path.Combine(_lake.Path, ".tmp") },
        };
        var settings = configuration.Settings with { Environments = new Dictionary<string, EnvironmentSpec> { ["local"] = isolated } };
        var runner = new PipelineRunner(configuration with { Settings = settings }, _clock, new RecordingReporter());
        return await runner.RunAsync(new RunRequest(dataset, RunKey: "sample-run"));
    }

    /// <summary>Every table of <paramref name="outcomes"/> succeeded with the counts of an <c>_expected.json</c>.</summary>
    internal static void AssertMatchesExpected(IReadOnlyList<TableRunOutcome> outcomes, string expectedPath)
    {
        var expected = JsonNode.Parse(File.ReadAllText(expectedPath))!["tables"]!.AsObject();
        Assert.Equal(expected.Select(t => t.Key).Order(), outcomes.Select(o => o.Table).Order());
        foreach (var outcome in outcomes)
        {
            Assert.True(outcome.Succeeded, outcome.Error);
            var table = expected[outcome.Table]!;
            var silver = outcome.Silver!;
            Assert.Equal((long)table["rows_read"]!, silver.RowsRead);
            Assert.Equal((long)table["silver_rows"]!, silver.RowsWritten);
            Assert.Equal((long)table["quarantined_rows"]!, silver.Quarantined);
            Assert.Equal((long)table["duplicates_removed"]!, silver.DuplicatesRemoved);
            Assert.Equal((long)table["filtered_rows"]!, silver.Filtered);
            Assert.True(silver.Reconciles);
            var rules = table["rule_failures"]!.AsObject()
                .Where(r => (long)r.Value! > 0)
                .ToDictionary(r => r.Key, r => (long)r.Value!);
            Assert.Equal(rules.OrderBy(r => r.Key), silver.RuleFailures.Where(r => r.Value > 0).OrderBy(r => r.Key));
        }
    }
}
