using System.Diagnostics;
using Medallion.Jobs.Config;
using Medallion.Jobs.Engine.DuckDb;
using Medallion.Orchestration.Runs;

namespace Medallion.Benchmarks;

/// <summary>
/// Measures what Medallion costs over hand-written DuckDB statements on the same input: (a) one
/// bare <c>COPY</c> to partitioned Parquet (<see cref="BareDuckDbCopy"/>), (b) the floor
/// (<see cref="FloorScript"/>: the fewest statements that write the same bronze, silver and
/// quarantine files, with no Delta log or ledger) and (c) what <c>medallion run --no-promote</c>
/// does before validation, from the raw files: bronze (typed rows with lineage, malformed records
/// kept, one Delta commit) and silver (transforms, every rule, quarantine, the staged run table and
/// the quarantine Delta commits), with the run ledger; after it, a bare partitioned COPY of the
/// cleansed rows of the bronze files (c) wrote, the silver run's own baseline. They alternate in
/// one process so that all see the same page cache and machine state.
/// </summary>
public sealed class EngineBenchmark(TimeProvider clock, IRunReporter reporter)
{
    /// <exception cref="MedallionException">A Medallion run failed or a count does not reconcile.</exception>
    public async Task<EngineBenchmarkResult> RunAsync(EngineBenchmarkOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Repetitions, 1);
        using var workspace = new BenchmarkWorkspace(options.WorkDirectory);
        reporter.Progress($"generating {ByteSize.Format(options.InputBytes)} of mortgage transactions ({options.Format}) in {workspace.Root}");
        var tables = workspace.Generate(options.InputBytes, options.Format, options.MemoryLimit, cancellationToken);
        var inputBytes = tables.Sum(t => t.Bytes);
        var rows = tables.Sum(t => t.Rows);
        var configuration = ConfigLoader.Load(workspace.ConfDirectory);
        var duckDb = configuration.Settings.Environments[BenchmarkWorkspace.Environment].DuckDb;

        var pairs = new List<EngineBenchmarkPair>();
        long duckDbRows = 0;
        long silverCopyRows = 0;
        var floor = default(FloorCounts);
        IReadOnlyList<TableRunOutcome> outcomes = [];
        for (var repetition = 1; repetition <= options.Repetitions; repetition++)
        {
            var runKey = $"bench-{repetition}";
            var clockA = Stopwatch.StartNew();
            using (var session = new DuckDbSession(duckDb, new DuckDbSandbox([workspace.InputDirectory, workspace.Output("duckdb")], [])))
            {
                duckDbRows = session.Execute(BareDuckDbCopy.Statement(tables, workspace.Output("duckdb")), cancellationToken);
            }

            var duckDbSeconds = clockA.Elapsed.TotalSeconds;
            workspace.Clear("duckdb");

            var clockF = Stopwatch.StartNew();
            floor = FloorRun.Run(tables, duckDb, workspace.InputDirectory, workspace.Output("floor"), runKey, cancellationToken);
            var floorSeconds = clockF.Elapsed.TotalSeconds;
            workspace.Clear("floor");

            var clockB = Stopwatch.StartNew();
            outcomes = await new PipelineRunner(configuration, clock, QuietReporter.Instance)
                .RunAsync(new RunRequest(BenchmarkWorkspace.Dataset, RunKey: runKey), cancellationToken);
            var medallionSeconds = clockB.Elapsed.TotalSeconds;
            EnsureSucceeded(outcomes);

            var clockC = Stopwatch.StartNew();
            using (var session = new DuckDbSession(duckDb, new DuckDbSandbox([workspace.LakeDirectory, workspace.Output("silver-copy")], [])))
            {
                silverCopyRows = session.Execute(BareDuckDbCopy.SilverStatement(workspace.LakeDirectory, workspace.Output("silver-copy")), cancellationToken);
            }

            var silverCopySeconds = clockC.Elapsed.TotalSeconds;
            var pair = new EngineBenchmarkPair(
                duckDbSeconds, floorSeconds, medallionSeconds,
                outcomes.Sum(o => o.Bronze?.Elapsed.TotalSeconds ?? 0), outcomes.Sum(o => o.Silver?.Elapsed.TotalSeconds ?? 0), silverCopySeconds);
            pairs.Add(pair);
            reporter.Progress($"repetition {repetition}/{options.Repetitions}: duckdb {pair.DuckDbSeconds:0.00}s, floor {pair.FloorSeconds:0.00}s, " +
                $"medallion {pair.MedallionSeconds:0.00}s (bronze {pair.BronzeSeconds:0.00}s, silver {pair.SilverSeconds:0.00}s), silver copy {pair.SilverCopySeconds:0.00}s; " +
                $"ratio {pair.Ratio:0.000}, floor_ratio {pair.FloorRatio:0.000}, silver-run ratio {pair.SilverRatio:0.000}, silver vs its copy {pair.SilverCopyRatio:0.000}");
            workspace.Clear("silver-copy");
            workspace.Clear("lake");
        }

        var silverRows = outcomes.Sum(o => o.Silver!.RowsWritten);
        var quarantinedRows = outcomes.Sum(o => o.Silver!.Quarantined);
        // The typed Parquet source has no counts from the generator (DuckDB typed and filtered it): the floor's are the reference.
        var expectedSilver = tables.All(t => t.ExpectedSilverRows is not null) ? tables.Sum(t => t.ExpectedSilverRows!.Value) : floor.Silver;
        var expectedQuarantined = tables.All(t => t.ExpectedQuarantinedRows is not null) ? tables.Sum(t => t.ExpectedQuarantinedRows!.Value) : floor.Quarantined;
        var duckDbSecondsMedian = Median(pairs.Select(p => p.DuckDbSeconds));
        var medallionSecondsMedian = Median(pairs.Select(p => p.MedallionSeconds));
        const double megabyte = 1 << 20;
        return new EngineBenchmarkResult(
            inputBytes, rows, options.Format.ToString().ToLowerInvariant(), options.MemoryLimit, DuckDbVersion(duckDb), Environment.ProcessorCount,
            rows / duckDbSecondsMedian, rows / Median(pairs.Select(p => p.FloorSeconds)), rows / medallionSecondsMedian,
            inputBytes / megabyte / duckDbSecondsMedian, inputBytes / megabyte / medallionSecondsMedian,
            Median(pairs.Select(p => p.Ratio)), Median(pairs.Select(p => p.FloorRatio)),
            rows / Median(pairs.Select(p => p.SilverSeconds)), Median(pairs.Select(p => p.SilverRatio)), Median(pairs.Select(p => p.SilverCopyRatio)),
            PeakMemory.PeakRssBytes(), silverRows, quarantinedRows, expectedSilver, expectedQuarantined, floor.Silver, floor.Quarantined,
            duckDbRows, silverCopyRows, pairs);
    }

    private static void EnsureSucceeded(IReadOnlyList<TableRunOutcome> outcomes)
    {
        foreach (var outcome in outcomes.Where(o => !o.Succeeded || o.Silver is null))
        {
            throw new MedallionException($"benchmark: the Medallion run of table `{outcome.Table}` failed: {outcome.Error ?? "no silver result"}");
        }
    }

    private static string DuckDbVersion(DuckDbSpec settings)
    {
        using var session = new DuckDbSession(settings, DuckDbSandbox.Nothing);
        return session.Query("SELECT version()", r => r.GetString(0))[0];
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
