using System.Diagnostics;
using Medallion.Jobs.Config;
using Medallion.Jobs.Engine.DuckDb;
using Medallion.Samples;
using Medallion.Orchestration.Runs;

namespace Medallion.Benchmarks;

/// <summary>
/// Measures what Medallion costs over a hand-written DuckDB script on the same input: (a) one bare
/// <c>COPY</c> to partitioned Parquet (<see cref="BareDuckDbCopy"/>) against (b) what
/// <c>medallion run --no-promote</c> does before validation, from the raw files: bronze (typed rows
/// with lineage, malformed records kept, one Delta commit) and silver (transforms, every rule,
/// quarantine, the staged run table and the quarantine Delta commits), with the run ledger.
/// The two alternate in one process so that both see the same page cache and machine state.
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
        var formats = tables.Select(t => t.FileName.EndsWith(".ndjson", StringComparison.Ordinal) ? SampleFormat.Ndjson : SampleFormat.Default).ToList();
        var inputBytes = tables.Sum(t => t.Bytes);
        var rows = tables.Sum(t => t.RowsRead);
        var configuration = ConfigLoader.Load(workspace.ConfDirectory);
        var duckDb = configuration.Settings.Environments[BenchmarkWorkspace.Environment].DuckDb;

        var pairs = new List<EngineBenchmarkPair>();
        long duckDbRows = 0;
        IReadOnlyList<TableRunOutcome> outcomes = [];
        for (var repetition = 1; repetition <= options.Repetitions; repetition++)
        {
            var clockA = Stopwatch.StartNew();
            using (var session = new DuckDbSession(duckDb, new DuckDbSandbox([workspace.InputDirectory, workspace.Output("duckdb")], [])))
            {
                duckDbRows = session.Execute(BareDuckDbCopy.Statement(workspace.InputDirectory, formats, workspace.Output("duckdb")), cancellationToken);
            }

            var duckDbSeconds = clockA.Elapsed.TotalSeconds;
            var clockB = Stopwatch.StartNew();
            outcomes = await new PipelineRunner(configuration, clock, QuietReporter.Instance)
                .RunAsync(new RunRequest(BenchmarkWorkspace.Dataset, RunKey: $"bench-{repetition}"), cancellationToken);
            var pair = new EngineBenchmarkPair(
                duckDbSeconds, clockB.Elapsed.TotalSeconds,
                outcomes.Sum(o => o.Bronze?.Elapsed.TotalSeconds ?? 0), outcomes.Sum(o => o.Silver?.Elapsed.TotalSeconds ?? 0));
            pairs.Add(pair);
            EnsureSucceeded(outcomes);
            reporter.Progress($"repetition {repetition}/{options.Repetitions}: duckdb {pair.DuckDbSeconds:0.00}s, medallion {pair.MedallionSeconds:0.00}s " +
                $"(bronze {pair.BronzeSeconds:0.00}s, silver {pair.SilverSeconds:0.00}s), ratio {pair.Ratio:0.000}, silver-run ratio {pair.SilverRatio:0.000}");
            workspace.Clear("duckdb");
            workspace.Clear("lake");
        }

        var duckDbSecondsMedian = Median(pairs.Select(p => p.DuckDbSeconds));
        var medallionSecondsMedian = Median(pairs.Select(p => p.MedallionSeconds));
        const double megabyte = 1 << 20;
        return new EngineBenchmarkResult(
            inputBytes, rows, options.Format.ToString().ToLowerInvariant(), options.MemoryLimit, DuckDbVersion(duckDb), Environment.ProcessorCount,
            rows / duckDbSecondsMedian, rows / medallionSecondsMedian, inputBytes / megabyte / duckDbSecondsMedian, inputBytes / megabyte / medallionSecondsMedian,
            Median(pairs.Select(p => p.Ratio)), rows / Median(pairs.Select(p => p.SilverSeconds)), Median(pairs.Select(p => p.SilverRatio)), PeakMemory.PeakRssBytes(),
            outcomes.Sum(o => o.Silver!.RowsWritten), outcomes.Sum(o => o.Silver!.Quarantined),
            tables.Sum(t => t.SilverRows), tables.Sum(t => t.QuarantinedRows), duckDbRows, pairs);
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
