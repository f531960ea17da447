using Medallion.Delta.Storage;
using Medallion.Jobs.Config;
using Medallion.Jobs.Engine;
using Medallion.Jobs.Engine.DuckDb;
using Medallion.Jobs.Plan;
using Medallion.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Jobs.Tests.Engine.DuckDb;

/// <summary>
/// What <c>medallion plan</c> prints is what the engine executes: the layers run with a recording
/// session, and the statements sent to DuckDB are compared with the listing of the same run.
/// </summary>
public sealed class DuckDbEngineTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private readonly TestLake _lake = new();
    private readonly List<string> _executed = [];

    public DuckDbEngineTests()
    {
        _lake.WriteDataset("shop", """
            dataset: shop
            tables:
              - name: orders
                source: { path: shop/*.csv, format: csv }
                columns:
                  - { name: id, type: string }
                  - { name: amount, type: "decimal(10,2)" }
                  - { name: day, type: date }
                partition_by: [day_month]
                transforms:
                  - trim: [id]
                  - split_date: { column: day, parts: [month] }
                rules:
                  - not_null: { column: id }
                  - unique: { columns: [id] }
            """);
        _lake.WriteRaw("shop/orders.csv", "id,amount,day\n a1 ,1.50,2024-01-05\n,2.00,2024-02-07\na1,3.00,2024-02-08\nb2,x,2024-03-01\n");
    }

    public void Dispose() => _lake.Dispose();

    [Fact]
    public async Task RunBronzeAsync_CsvTable_ExecutesTheListedStatementsInOrder()
    {
        var (sut, plan, run) = Engine();
        var files = new[] { Path.Combine(_lake.RawRoot, "shop", "orders.csv") };

        await sut.RunBronzeAsync(plan, run, files, _lake.RawRoot);

        var listed = new BronzeScript(plan, RunValues.Of(run), _lake.RawRoot, _lake.LakeRoot).Listing(files);
        Assert.Equal(ScriptListing.Statements(listed), Executed());
    }

    [Fact]
    public async Task RunSilverAsync_CsvTableWithUniqueRule_ExecutesTheListedStatementsInOrder()
    {
        var (sut, plan, run) = Engine();
        await sut.RunBronzeAsync(plan, run, [Path.Combine(_lake.RawRoot, "shop", "orders.csv")], _lake.RawRoot);
        _executed.Clear();

        await sut.RunSilverAsync(plan, run);

        Assert.Equal(ScriptListing.Statements(new SilverScript(plan, RunValues.Of(run), _lake.LakeRoot).Listing), Executed());
    }

    [Fact]
    public void DescribeBronze_AnyRun_ShowsPlaceholdersForTheRunKeyStartAndFileNames()
    {
        var (_, plan, _) = Engine();

        var sut = string.Join("\n", DuckDbEngine.DescribeBronze(plan, _lake.RawRoot, _lake.LakeRoot));

        Assert.Contains("'<run-key>' AS _run_key", sut, StringComparison.Ordinal);
        Assert.Contains("TIMESTAMPTZ '<run start>' AS _ingested_at", sut, StringComparison.Ordinal);
        Assert.Contains("DATE '<run start>' AS _ingest_date", sut, StringComparison.Ordinal);
        Assert.Contains("/_ingest_date=<run start>/part-{uuid}.parquet'", sut, StringComparison.Ordinal);
        Assert.Contains($"read_csv(['{Path.Combine(_lake.RawRoot, "shop/*.csv")}']", sut, StringComparison.Ordinal);
    }

    private (DuckDbEngine Sut, TablePlan Plan, RunContext Run) Engine()
    {
        var configuration = ConfigLoader.Load(_lake.ConfDirectory);
        var dataset = configuration.FindDataset("shop")!;
        var tables = new DuckDbTables(_lake.LakeRoot, new LocalObjectStore(_lake.LakeRoot), new FakeTimeProvider(Start));
        var settings = new DuckDbSpec(TempDirectory: _lake.EngineTempDirectory);
        return (new DuckDbEngine(settings, tables, _executed.Add), PlanCompiler.Compile(dataset, dataset.Tables[0]), new RunContext("k-1", Start));
    }

    /// <summary>The statements DuckDB was sent, but for the settings the session changes around loading.</summary>
    private IReadOnlyList<string> Executed() =>
        [.. _executed.Where(s => !s.StartsWith("SET ", StringComparison.Ordinal)).Select(ScriptListing.WithoutFileIds)];
}
