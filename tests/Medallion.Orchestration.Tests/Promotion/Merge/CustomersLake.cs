using System.Text.Json.Nodes;
using Medallion.Delta;
using Medallion.Jobs.Config;
using Medallion.Orchestration.Promotion;
using Medallion.Orchestration.Rollback;
using Medallion.Orchestration.Runs;
using Medallion.Testing;
using Medallion.Testing.Moto;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Orchestration.Tests.Promotion.Merge;

/// <summary>
/// <c>shop.customers</c> (id, name, version, op; key id) promoted with <c>promotion: merge</c>
/// through the real pipeline, validation and promoter, on a temp lake (on moto when given one).
/// </summary>
internal sealed class CustomersLake : IDisposable
{
    public const string Current = "silver/shop/customers/schema_v=1/current";
    public const string Latest = "silver/shop/customers/_LATEST.json";

    public CustomersLake(string promotion = "merge", string partitionBy = "", MotoServer? moto = null, long fileRows = 1_000_000)
    {
        Lake = moto is null ? new TestLake() : TestLake.OnS3(moto);
        FileRows = fileRows;
        Lake.WriteDataset("shop", $$"""
            dataset: shop
            tables:
              - name: customers
                source: { path: shop/*.csv, format: csv }
                columns:
                  - { name: id, type: long }
                  - { name: name, type: string }
                  - { name: version, type: long }
                  - { name: op, type: string }
                primary_key: [id]
                {{partitionBy}}
                validation: { min_rows: 1 }
                promotion: {{promotion}}
            """);
    }

    public TestLake Lake { get; }

    public long FileRows { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    public RecordingReporter Reporter { get; } = new();

    public LakeTable Table
    {
        get
        {
            var dataset = ConfigLoader.Load(Lake.ConfDirectory).FindDataset("shop")!;
            return new LakeTable(Lake.Store, dataset, dataset.Tables[0]);
        }
    }

    /// <summary>Runs and validates <paramref name="runKey"/> over <paramref name="rows"/> (<c>id,name,version,op</c> lines) as the only raw file.</summary>
    public async Task RunAsync(string runKey, params string[] rows)
    {
        Lake.WriteRaw("shop/customers.csv", "id,name,version,op\n" + string.Join('\n', rows) + "\n");
        await RunRawAsync(runKey);
    }

    /// <summary>Runs and validates <paramref name="runKey"/> over the raw files as they are.</summary>
    public async Task RunRawAsync(string runKey)
    {
        Clock.Advance(TimeSpan.FromMinutes(1));
        var outcome = (await new PipelineRunner(ConfigLoader.Load(Lake.ConfDirectory), Clock, Reporter).RunAsync(new RunRequest("shop", RunKey: runKey))).Single();
        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.True((await new Orchestration.Validation.RunValidator(Clock, Reporter).ValidateAsync(Table, runKey)).Passed);
    }

    public Task<PromotionResult> PromoteAsync(string? runKey = null) =>
        new Promoter(Clock, Reporter, new PromotionOptions
        {
            MergeFileRows = FileRows,
            MergeEngine = new DuckDbSpec("1GB", Lake.EngineTempDirectory, Threads: 2),
        }).PromoteAsync(Table, runKey);

    /// <summary>Run, validate and promote.</summary>
    public async Task<PromotionResult> PublishAsync(string runKey, params string[] rows)
    {
        await RunAsync(runKey, rows);
        return await PromoteAsync(runKey);
    }

    public Task<RollbackResult> RollbackAsync(string? to = null) => new RollbackService(Clock, Reporter).RollbackAsync(Table, to);

    /// <summary>The rows of <c>current/</c> as <c>id:name:version:run</c>, sorted by id.</summary>
    public IReadOnlyList<string> CurrentRows() =>
        [.. Lake.Query(Current, "SELECT id || ':' || name || ':' || version || ':' || _run_key FROM t ORDER BY id, version").Select(r => r[0])];

    public DeltaSnapshot Snapshot() => Lake.Snapshot(Current);

    /// <summary>The <c>counts</c> object of <c>_LATEST.json</c>.</summary>
    public JsonObject LatestCounts() => JsonNode.Parse(Lake.ReadText(Latest))!["counts"]!.AsObject();

    public void Dispose() => Lake.Dispose();
}
