using Medallion.Jobs.Config;
using Medallion.Orchestration.Promotion;
using Medallion.Orchestration.Rollback;
using Medallion.Orchestration.Runs;
using Medallion.Orchestration.Validation;
using Medallion.Testing;
using Medallion.Testing.Moto;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Orchestration.Tests;

/// <summary>
/// A one-table dataset partitioned by month, run, validated and promoted through the real
/// orchestrator on a temp lake (on moto when given one), with a fake clock that moves a minute per run.
/// </summary>
internal sealed class SalesLake : IDisposable
{
    public const string Current = SalesDataset.Current;

    private readonly TestLake _lake;

    public SalesLake(string promotion = "replace_partitions", string validation = "min_rows: 1", MotoServer? moto = null)
    {
        _lake = moto is null ? new TestLake() : TestLake.OnS3(moto);
        SalesDataset.WriteTo(_lake, validation, promotion);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    public RecordingReporter Reporter { get; } = new();

    public TestLake Lake => _lake;

    public LakeTable Table
    {
        get
        {
            var configuration = ConfigLoader.Load(_lake.ConfDirectory);
            var dataset = configuration.FindDataset("sales")!;
            return new LakeTable(_lake.Store, dataset, dataset.Tables[0]);
        }
    }

    /// <summary>Runs <paramref name="runKey"/> over <paramref name="rows"/> (<c>id,amount,day</c> lines) as the only raw file.</summary>
    public async Task RunAsync(string runKey, params string[] rows)
    {
        SalesDataset.WriteRaw(_lake, rows);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var outcome = (await new PipelineRunner(ConfigLoader.Load(_lake.ConfDirectory), Clock, Reporter).RunAsync(new RunRequest("sales", RunKey: runKey))).Single();
        Assert.True(outcome.Succeeded, outcome.Error);
    }

    public Task<ValidationReport> ValidateAsync(string runKey) => new RunValidator(Clock, Reporter).ValidateAsync(Table, runKey);

    public Task<PromotionResult> PromoteAsync(string? runKey = null) => new Promoter(Clock, Reporter).PromoteAsync(Table, runKey);

    public Task<RollbackResult> RollbackAsync(string? to = null) => new RollbackService(Clock, Reporter).RollbackAsync(Table, to);

    /// <summary>Run, validate and promote.</summary>
    public async Task<PromotionResult> PublishAsync(string runKey, params string[] rows)
    {
        await RunAsync(runKey, rows);
        Assert.True((await ValidateAsync(runKey)).Passed);
        return await PromoteAsync(runKey);
    }

    /// <summary>The rows of <c>current/</c> as <c>id:amount:run</c>, sorted.</summary>
    public IReadOnlyList<string> CurrentRows() => SalesDataset.CurrentRows(_lake);

    public string Read(string relativePath) => _lake.ReadText(relativePath);

    public void Dispose() => _lake.Dispose();
}
