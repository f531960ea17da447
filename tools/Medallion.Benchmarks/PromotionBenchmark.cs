using System.Diagnostics;
using Amazon.Runtime;
using Amazon.S3;
using Medallion.Delta.S3;
using Medallion.Delta.Storage;
using Medallion.Moto;
using Medallion.Orchestration.Promotion;
using Medallion.Orchestration.Runs;

namespace Medallion.Benchmarks;

/// <summary>
/// Measures the promotion's copy step on S3 with the code a promotion runs: Medallion's
/// <see cref="S3ObjectStore"/> and the promoter's <see cref="FileCopier"/> copy a staged run's data
/// files server-side under <c>current/</c>, first one at a time, then
/// <see cref="PromotionOptions.CopyParallelism"/> at once, in one process against one S3 endpoint
/// (a moto server it starts unless given one).
/// </summary>
public sealed class PromotionBenchmark(IRunReporter reporter)
{
    private const string TablePath = "silver/bench/transactions/schema_v=1";
    private const string RunPath = $"{TablePath}/runs/run_key=bench";
    private const string Region = "us-east-1";

    /// <param name="files">Data files in the staged run; default 2,000.</param>
    /// <param name="fileBytes">Bytes per file (moto copies in memory; the size barely matters server-side).</param>
    /// <param name="endpointUrl">An S3 endpoint; null starts moto with python3.</param>
    /// <param name="parallelism">Copies at once; null for the promoter's default.</param>
    /// <param name="latency">
    /// A wait the started moto server makes in every request, standing in for the network round trip
    /// to real S3 (zero: none). Only with moto: a given endpoint has its own round trip.
    /// </param>
    /// <param name="cancellationToken">Stops the benchmark.</param>
    /// <remarks>Throws <see cref="ArgumentException"/> for a negative latency, or a latency together with an endpoint.</remarks>
    public async Task<PromotionBenchmarkResult> RunAsync(
        int files = 2000, int fileBytes = 16 * 1024, string? endpointUrl = null, int? parallelism = null, TimeSpan latency = default, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(files, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        if (endpointUrl is not null && latency > TimeSpan.Zero)
        {
            throw new ArgumentException(
                $"benchmark: the simulated latency ({latency.TotalMilliseconds:0} ms, --latency-ms) is added inside the moto server the benchmark starts, " +
                $"so it cannot apply to the endpoint {endpointUrl} (--endpoint-url), which has its own round trip; drop one of the two.");
        }

        var degree = parallelism ?? PromotionOptions.Default.CopyParallelism;
        using var moto = endpointUrl is null ? await StartMotoAsync(latency, cancellationToken) : null;
        var endpoint = endpointUrl ?? moto!.Endpoint.ToString();
        var settings = Settings(new Uri(endpoint));
        var bucket = $"medallion-bench-{Guid.NewGuid():N}";
        await CreateBucketAsync(settings, bucket, cancellationToken);
        using var store = new S3ObjectStore(settings, bucket);

        reporter.Progress($"uploading {files:N0} staged files of {fileBytes:N0} bytes to s3://{bucket} at {endpoint}");
        var names = Enumerable.Range(0, files).Select(i => $"event_year=2024/event_month={(i % 12) + 1:00}/part-{i:00000}-{Guid.NewGuid()}.zstd.parquet").ToList();
        var content = new byte[fileBytes];
        Random.Shared.NextBytes(content);
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken }, async (name, token) =>
            await store.WriteAsync($"{RunPath}/{name}", content, token));

        // Warm the connection pool so neither side pays for it.
        await FileCopier.CopyAsync(store, Copies(names.Take(degree), "warmup"), degree, cancellationToken);
        var (sequentialCopies, concurrentCopies) = (Copies(names, "sequential"), Copies(names, "current"));
        reporter.Progress($"copying {files:N0} files one at a time");
        var sequential = Stopwatch.StartNew();
        await FileCopier.CopyAsync(store, sequentialCopies, 1, cancellationToken);
        var sequentialSeconds = sequential.Elapsed.TotalSeconds;
        reporter.Progress($"copying {files:N0} files {degree} at a time");
        var concurrent = Stopwatch.StartNew();
        await FileCopier.CopyAsync(store, concurrentCopies, degree, cancellationToken);
        return new PromotionBenchmarkResult(files, fileBytes, degree, sequentialSeconds, concurrent.Elapsed.TotalSeconds, endpoint, latency.TotalMilliseconds);
    }

    /// <summary>The tests' moto launcher, without their serialized writes: those would undo the concurrency measured here.</summary>
    private static async Task<MotoProcess> StartMotoAsync(TimeSpan latency, CancellationToken cancellationToken)
    {
        try
        {
            return await MotoProcess.StartAsync(new MotoOptions { Latency = latency }, cancellationToken);
        }
        catch (InvalidOperationException error)
        {
            throw new MedallionException($"benchmark: {error.Message}\nOr pass --endpoint-url to use another S3 endpoint.", error);
        }
    }

    /// <summary>Each staged file and its path under <paramref name="target"/>, as the promoter pairs them.</summary>
    private static List<(string Source, string Target)> Copies(IEnumerable<string> names, string target) =>
        names.Select(name => ($"{RunPath}/{name}", $"{TablePath}/{target}/{name}")).ToList();

    private static S3StoreSettings Settings(Uri endpoint) => new()
    {
        Region = Region,
        EndpointUrl = endpoint,
        // moto accepts any key; a given endpoint gets the environment's credentials when it has some.
        Credentials = Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") is { Length: > 0 } ? null : new S3AccessKeys("medallion-bench", "medallion-bench"),
    };

    /// <summary>The store works inside a bucket and never creates one, so the benchmark's own bucket comes from a plain client.</summary>
    private static async Task CreateBucketAsync(S3StoreSettings settings, string bucket, CancellationToken cancellationToken)
    {
        var config = new AmazonS3Config { ServiceURL = settings.EndpointUrl!.ToString(), ForcePathStyle = true, AuthenticationRegion = settings.Region };
        using var s3 = settings.Credentials is { } keys
            ? new AmazonS3Client(new BasicAWSCredentials(keys.AccessKeyId, keys.SecretAccessKey), config)
            : new AmazonS3Client(config);
        await s3.PutBucketAsync(bucket, cancellationToken);
    }
}
