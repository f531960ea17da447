using Medallion.Jobs.Config;
using Medallion.Jobs.Engine;
using Medallion.Orchestration.Ledger;
using Medallion.Orchestration.Runs;
using Medallion.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Orchestration.Tests.Runs;

/// <summary>Which engine <see cref="PipelineRunner"/> runs a request on, and how it hands the layers over.</summary>
public sealed class PipelineRunnerEngineTests : IDisposable
{
    private readonly TestLake _lake = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly RecordingReporter _reporter = new();

    public PipelineRunnerEngineTests()
    {
        ShopDataset.WriteTo(_lake);
        // An environment on Spark over the same local folders, beside the test lake's `local` one.
        File.AppendAllText(Path.Combine(_lake.ConfDirectory, "medallion.yaml"), $$"""

              prod:
                lake_root: {{_lake.LakeRoot}}
                raw_root: {{_lake.RawRoot}}
                engine: spark
                duckdb: { temp_directory: {{_lake.EngineTempDirectory}} }

            """);
    }

    public void Dispose() => _lake.Dispose();

    /// <summary>Regression (issue 15): `engine: spark` was parsed, then ignored, and the run went to DuckDB.</summary>
    [Fact]
    public async Task RunAsync_SparkEnvironmentAndNoSparkEngine_FailsNamingTheEngineAndWritesNothing()
    {
        var sut = new PipelineRunner(ConfigLoader.Load(_lake.ConfDirectory), _clock, _reporter);

        var error = await Assert.ThrowsAsync<MedallionException>(() => sut.RunAsync(new RunRequest("shop", RunKey: "k1", Environment: "prod")));

        Assert.Contains("environment `prod` runs on engine `spark`", error.Message, StringComparison.Ordinal);
        Assert.Empty(_lake.List("bronze/"));
    }

    [Fact]
    public async Task RunAsync_SparkEnvironment_RunsBronzeThenSilverOnTheSparkEngine()
    {
        var spark = new RecordingEngine(failBronze: []);
        var sut = new PipelineRunner(ConfigLoader.Load(_lake.ConfDirectory), _clock, _reporter, Catalog(spark));

        var outcome = Assert.Single(await sut.RunAsync(new RunRequest("shop", RunKey: "k1", Environment: "prod")));

        Assert.Equal(["bronze shop.orders k1 [bronze,silver]", "silver shop.orders k1 [bronze,silver]"], spark.Calls);
        Assert.True(outcome.Succeeded);
        Assert.Equal(7, outcome.Silver!.RowsRead);
        Assert.Empty(_lake.List("bronze/"));
    }

    [Fact]
    public async Task RunAsync_BronzeFailsForOneTable_SilverRunsForTheOthersOnly()
    {
        _lake.WriteDataset("two", """
            dataset: two
            tables:
              - { name: a, source: { path: two/a.csv, format: csv }, columns: [{ name: id, type: string }] }
              - { name: b, source: { path: two/b.csv, format: csv }, columns: [{ name: id, type: string }] }
            """);
        var spark = new RecordingEngine(failBronze: ["a"]);
        var sut = new PipelineRunner(ConfigLoader.Load(_lake.ConfDirectory), _clock, _reporter, Catalog(spark));

        var outcomes = await sut.RunAsync(new RunRequest("two", RunKey: "k1", Environment: "prod"));

        Assert.Equal(["bronze two.a k1 [bronze,silver]", "bronze two.b k1 [bronze,silver]", "silver two.b k1 [bronze,silver]"], spark.Calls);
        Assert.Equal([("a", "bronze broke"), ("b", null)], outcomes.Select(o => (o.Table, o.Error)));
    }

    [Fact]
    public async Task RunAsync_EngineOverriddenToDuckDb_RunsInProcessOnASparkEnvironment()
    {
        var spark = new RecordingEngine(failBronze: []);
        var sut = new PipelineRunner(ConfigLoader.Load(_lake.ConfDirectory), _clock, _reporter, Catalog(spark));

        var outcome = Assert.Single(await sut.RunAsync(new RunRequest("shop", RunKey: "k1", Environment: "prod", Engine: EngineKind.DuckDb)));

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Empty(spark.Calls);
        var ledger = await new RunLedger(_lake.Store).ReadAsync(new Jobs.Lake.LakeLayout("shop", "orders", "v1"), "k1");
        Assert.Equal(("duckdb", "prod", RunLedgerEntry.Succeeded), (ledger!.Engine, ledger.Environment, ledger.Status));
    }

    private static RunEngineCatalog Catalog(RecordingEngine spark) => RunEngineCatalog.Embedded().Add(EngineKind.Spark, "spark", _ => spark);

    /// <summary>Records each layer it is asked for; every table succeeds but those named to fail bronze.</summary>
    private sealed class RecordingEngine(IReadOnlyList<string> failBronze) : IRunEngine
    {
        public List<string> Calls { get; } = [];

        public string Name => "spark";

        public Task<IReadOnlyList<TableRunOutcome>> RunBronzeAsync(EngineRun run, IReadOnlyList<TableSpec> tables, CancellationToken cancellationToken = default) =>
            Task.FromResult(Record("bronze", run, tables));

        public Task<IReadOnlyList<TableRunOutcome>> RunSilverAsync(EngineRun run, IReadOnlyList<TableSpec> tables, CancellationToken cancellationToken = default) =>
            Task.FromResult(Record("silver", run, tables));

        public EngineScript DescribePlan(DatasetSpec dataset, TableSpec table) => new([], []);

        public void Dispose()
        {
        }

        private IReadOnlyList<TableRunOutcome> Record(string layer, EngineRun run, IReadOnlyList<TableSpec> tables)
        {
            Calls.AddRange(tables.Select(t => $"{layer} {run.Dataset.Name}.{t.Name} {run.RunKey} [{string.Join(',', run.Layers)}]"));
            return [.. tables.Select(t => layer == "bronze" && failBronze.Contains(t.Name)
                ? new TableRunOutcome(t.Name, run.RunKey, null, null, "bronze broke", [])
                : new TableRunOutcome(t.Name, run.RunKey, null, Result(layer), null, []))];
        }

        private static LayerResult Result(string layer) =>
            new(layer, "s3://lake/t", 7, 7, 0, 0, 0, 0, new Dictionary<string, long>(), 0, 1, TimeSpan.Zero);
    }
}
