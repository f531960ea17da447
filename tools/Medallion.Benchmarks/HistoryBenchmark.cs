using System.Diagnostics;
using Medallion.Delta.Storage;
using Medallion.Jobs.Config;
using Medallion.Moto;
using Medallion.Orchestration;
using Medallion.Orchestration.Gate;
using Medallion.Orchestration.Ledger;
using Medallion.Orchestration.Runs;
using Medallion.Samples;

namespace Medallion.Benchmarks;

/// <summary>
/// Growth with history: runs the mortgage sample N times into one lake (each run validated and
/// promoted, as <c>medallion run</c> does) and reports, at runs 1, N/3 and N, the run's time and its
/// object-store requests by kind, commit files read included, and those of <c>medallion runs</c>.
/// A run whose cost does not depend on the age of its tables shows flat counts.
/// </summary>
/// <remarks>
/// Requests are counted with <see cref="CountingObjectStore"/>. On S3 (a moto server started here,
/// with <c>latency</c> added inside it per request) every store the run opens is counted; on a local
/// lake the engine works on its files in place, so the counted store is the gate's and the
/// listing's (where the cost used to grow), and <c>latency</c> is waited in the decorator.
/// </remarks>
public sealed class HistoryBenchmark(TimeProvider clock, IRunReporter reporter)
{
    private const int SampleRows = 2_000;
    private const string Region = "us-east-1";

    public async Task<HistoryBenchmarkResult> RunAsync(int runs, TimeSpan latency, bool onS3, string? workDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        using var workspace = new BenchmarkWorkspace(workDirectory);
        using var moto = onS3 ? await StartMotoAsync(latency, cancellationToken) : null;
        var lakeRoot = workspace.Output("lake");
        var aws = "";
        if (moto is not null)
        {
            var bucket = $"medallion-history-{Guid.NewGuid():N}";
            await MotoBucket.CreateAsync(moto.Endpoint, Region, bucket, cancellationToken);
            lakeRoot = $"s3://{bucket}/lake";
            aws = $"\n    aws:\n      region: {Region}\n      endpoint_url: {moto.Endpoint}\n";
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") ?? "medallion-bench");
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY") ?? "medallion-bench");
        }

        SampleGenerator.Generate(BenchmarkWorkspace.Dataset, SampleRows, workspace.InputDirectory, cancellationToken: cancellationToken);
        BenchmarkConfiguration.Write(workspace.ConfDirectory, workspace.RawDirectory, lakeRoot, workspace.TempDirectory, ["csv"], "1GB", aws);
        var configuration = ConfigLoader.Load(workspace.ConfDirectory);
        var environment = configuration.Settings.Environments[BenchmarkWorkspace.Environment];
        var dataset = configuration.FindDataset(BenchmarkWorkspace.Dataset)!;

        // Every store the run opens goes through the registry; a local one is left alone (see remarks).
        var opened = new List<CountingObjectStore>();
        ObjectStoreRegistry.Default.Decorate(store =>
        {
            if (store is LocalObjectStore)
            {
                return store;
            }

            var counting = new CountingObjectStore(store);
            lock (opened)
            {
                opened.Add(counting);
            }

            return counting;
        });
        try
        {
            var lake = LakeResolver.OpenStore(environment.LakeRoot, environment);
            using var owned = lake as IDisposable;
            var gateStore = lake as CountingObjectStore ?? new CountingObjectStore(lake, latency);
            if (!ReferenceEquals(gateStore, lake))
            {
                opened.Add(gateStore);
            }

            var tables = dataset.Tables.Select(t => new LakeTable(gateStore, dataset, t)).ToList();
            var measured = new SortedSet<int> { 1, Math.Max(1, runs / 3), runs };
            var samples = new List<HistoryBenchmarkSample>();
            var seconds = new List<double>();
            for (var run = 1; run <= runs; run++)
            {
                Reset(opened);
                var watch = Stopwatch.StartNew();
                var runKey = $"history-{run:D5}";
                var outcomes = await new PipelineRunner(configuration, clock, QuietReporter.Instance).RunAsync(new RunRequest(BenchmarkWorkspace.Dataset, RunKey: runKey), cancellationToken);
                if (outcomes.FirstOrDefault(o => !o.Succeeded) is { } failed)
                {
                    throw new MedallionException($"benchmark: run {run} of table `{failed.Table}` failed: {failed.Error}");
                }

                await foreach (var gate in new RunGate(clock, QuietReporter.Instance).PassAsync(tables, runKey, promote: true, cancellationToken))
                {
                    if (gate.Promotion is null)
                    {
                        throw new MedallionException($"benchmark: run {run} of table `{gate.Table.Name}` was not promoted (validation failed).");
                    }
                }

                var elapsed = watch.Elapsed.TotalSeconds;
                seconds.Add(elapsed);
                if (measured.Contains(run))
                {
                    var requests = Sum(opened);
                    Reset(opened);
                    var listing = Stopwatch.StartNew();
                    foreach (var table in tables)
                    {
                        await new RunLedger(gateStore).ListAsync(table.Layout, cancellationToken);
                    }

                    samples.Add(new HistoryBenchmarkSample(run, elapsed, requests, listing.Elapsed.TotalSeconds, Sum(opened)));
                    reporter.Progress($"run {run}/{runs}: {elapsed:0.00}s, {requests.Total} requests ({requests.CommitFilesRead} commit files read)");
                }
                else if (run % 25 == 0)
                {
                    reporter.Progress($"run {run}/{runs}: {elapsed:0.00}s");
                }
            }

            return new HistoryBenchmarkResult(
                runs, moto is null ? "local" : moto.Endpoint.ToString(), latency.TotalMilliseconds,
                moto is null ? "gate (validate, promote, run history) and runs listing" : "every request of the run", samples, seconds);
        }
        finally
        {
            ObjectStoreRegistry.Default.Decorate(null);
        }
    }

    private static void Reset(List<CountingObjectStore> stores)
    {
        lock (stores)
        {
            stores.ForEach(s => s.Reset());
        }
    }

    private static ObjectStoreRequestCounts Sum(List<CountingObjectStore> stores)
    {
        lock (stores)
        {
            var counts = stores.Select(s => s.Counts).ToList();
            return new ObjectStoreRequestCounts(
                counts.Sum(c => c.List), counts.Sum(c => c.Get), counts.Sum(c => c.Put), counts.Sum(c => c.Copy),
                counts.Sum(c => c.Delete), counts.Sum(c => c.Head), counts.Sum(c => c.CommitFilesRead));
        }
    }

    private static async Task<MotoProcess> StartMotoAsync(TimeSpan latency, CancellationToken cancellationToken)
    {
        try
        {
            return await MotoProcess.StartAsync(new MotoOptions { Latency = latency, SerializeMutations = true }, cancellationToken);
        }
        catch (InvalidOperationException error)
        {
            throw new MedallionException($"benchmark: {error.Message}", error);
        }
    }
}
