using Medallion.Jobs.Config;
using Medallion.Samples;
using Medallion.Orchestration.Gate;
using Medallion.Orchestration.Runs;
using Medallion.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Orchestration.Tests.History;

/// <summary>
/// The repository's wordpress_api dataset (five tables) run like <c>medallion run</c> does — the
/// embedded engine, then the gate — on generated input whose bad share each run chooses, into a
/// temp lake, with a clock that moves an hour per run.
/// </summary>
internal sealed class HistoryLake : IDisposable
{
    public const string Dataset = "wordpress_api";
    private readonly TempDirectory _root = new("medallion-history");

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    public RecordingReporter Reporter { get; } = new();

    public string LakeRoot => _root.Combine("lake");

    public Delta.Storage.IObjectStore Store => new Delta.Storage.LocalObjectStore(LakeRoot);

    public MedallionConfiguration Configuration
    {
        get
        {
            var configuration = ConfigLoader.Load(RepositoryPaths.Conf);
            var local = configuration.Settings.Environments["local"] with
            {
                LakeRoot = LakeRoot,
                RawRoot = _root.Combine("raw"),
                DuckDb = configuration.Settings.Environments["local"].DuckDb with { TempDirectory = _root.Combine(".tmp") },
            };
            return configuration with { Settings = configuration.Settings with { Environments = new Dictionary<string, EnvironmentSpec> { ["local"] = local } } };
        }
    }

    /// <summary>Runs <paramref name="runKey"/> over fresh input with <paramref name="badShare"/> bad rows, then validates and promotes each table.</summary>
    public async Task<IReadOnlyList<TableRunOutcome>> RunAsync(string runKey, double badShare, ulong seed)
    {
        var raw = _root.Combine("raw", Dataset);
        if (Directory.Exists(raw))
        {
            Directory.Delete(raw, recursive: true);
        }

        SampleGenerator.Generate(Dataset, 400, raw, badShare, seed);
        Clock.Advance(TimeSpan.FromHours(1));
        var configuration = Configuration;
        var outcomes = await new PipelineRunner(configuration, Clock, Reporter).RunAsync(new RunRequest(Dataset, RunKey: runKey));
        var selection = PipelineSelection.Resolve(configuration, Dataset, null, null);
        var tables = RunGate.OpenTables(selection).Where(t => outcomes.Any(o => o.Table == t.Table.Name && o.Succeeded)).ToList();
        await new RunGate(Clock, Reporter).PassAsync(tables, runKey).ToListAsync();
        return outcomes;
    }

    public void Dispose() => _root.Dispose();
}
