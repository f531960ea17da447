using Medallion.Jobs.Config;
using Medallion.Jobs.Engine;
using Medallion.Jobs.Engine.DuckDb;
using Medallion.Jobs.Plan;
using Medallion.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Jobs.Tests.Engine;

/// <summary>
/// Runs the one table of a dataset through the embedded engine's bronze and silver layers on a
/// local <see cref="TestLake"/>: the real DuckDB SQL a transform or rule kind renders, end to end,
/// without the orchestration around it.
/// </summary>
internal static class DuckDbTableRun
{
    public const string RunKey = "k1";

    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    /// <param name="yaml">A dataset with one table; its source path must match <paramref name="rawFile"/>.</param>
    /// <param name="rawFile">The raw file's path under the lake's raw root.</param>
    /// <returns>The silver layer's result; the run's silver rows are at <see cref="SilverRun"/>.</returns>
    public static async Task<LayerResult> RunAsync(TestLake lake, string yaml, string rawFile, string content)
    {
        var dataset = ConfigLoader.LoadDataset(lake.WriteDataset(DatasetName(yaml), yaml));
        var plan = PlanCompiler.Compile(dataset, dataset.Tables.Single());
        var file = lake.WriteRaw(rawFile, content);
        var engine = new DuckDbEngine(
            new DuckDbSpec("1GB", lake.EngineTempDirectory, Threads: 2),
            new DuckDbTables(lake.LakeRoot, lake.Store, new FakeTimeProvider(Now)));
        var run = new RunContext(RunKey, Now);

        await engine.RunBronzeAsync(plan, run, [file], lake.RawRoot);
        return await engine.RunSilverAsync(plan, run);
    }

    /// <summary>The staged silver table of the run, relative to the lake root.</summary>
    public static string SilverRun(string dataset, string table) => $"silver/{dataset}/{table}/schema_v=1/runs/run_key={RunKey}";

    private static string DatasetName(string yaml) =>
        yaml.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("dataset:", StringComparison.Ordinal))["dataset:".Length..].Trim();
}
