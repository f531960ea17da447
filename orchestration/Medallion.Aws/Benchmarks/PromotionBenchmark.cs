using System.Diagnostics;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Medallion.Orchestration.Promotion;
using Medallion.Orchestration.Runs;

namespace Medallion.Aws.Benchmarks;

/// <summary>
/// Measures the promotion's copy step on S3: a staged run's data files copied server-side under
/// <c>current/</c>, first one after another, then as the <see cref="Promoter"/> copies them
/// (<c>Parallel.ForEachAsync</c> bounded by <see cref="PromotionOptions.CopyParallelism"/>), in one
/// process against one S3 endpoint (a moto server it starts unless given one).
/// </summary>
public sealed class PromotionBenchmark(IRunReporter reporter)
{
    private const string RunPrefix = "silver/bench/transactions/schema_v=1/runs/run_key=bench";

    /// <param name="files">Data files in the staged run; default 2,000.</param>
    /// <param name="fileBytes">Bytes per file (moto copies in memory; the size barely matters server-side).</param>
    /// <param name="endpointUrl">An S3 endpoint; null starts moto with python3.</param>
    /// <param name="parallelism">Copies at once; null for the promoter's default.</param>
    /// <param name="latency">A wait added before every S3 request, standing in for the network round trip to real S3 (zero: none).</param>
    /// <param name="cancellationToken">Stops the benchmark.</param>
    public async Task<PromotionBenchmarkResult> RunAsync(
        int files = 2000, int fileBytes = 16 * 1024, string? endpointUrl = null, int? parallelism = null, TimeSpan latency = default, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(files, 1);
        var degree = parallelism ?? PromotionOptions.Default.CopyParallelism;
        using var moto = endpointUrl is null ? await MotoProcess.StartAsync(cancellationToken) : null;
        var endpoint = endpointUrl ?? moto!.Endpoint.ToString();
        using var s3 = Client(endpoint, latency);
        var bucket = $"medallion-bench-{Guid.NewGuid():N}";
        await s3.PutBucketAsync(bucket, cancellationToken);

        reporter.Progress($"uploading {files:N0} staged files of {fileBytes:N0} bytes to s3://{bucket} at {endpoint}");
        var keys = Enumerable.Range(0, files).Select(i => $"event_year=2024/event_month={(i % 12) + 1:00}/part-{i:00000}-{Guid.NewGuid()}.zstd.parquet").ToList();
        var content = new byte[fileBytes];
        Random.Shared.NextBytes(content);
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken }, async (key, token) =>
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = $"{RunPrefix}/{key}", InputStream = new MemoryStream(content) }, token));

        // Warm the connection pool so neither side pays for it.
        await CopyAsync(s3, bucket, keys.Take(degree).ToList(), "warmup", degree, cancellationToken);
        reporter.Progress($"copying {files:N0} files one at a time");
        var sequential = Stopwatch.StartNew();
        await CopyAsync(s3, bucket, keys, "sequential", 1, cancellationToken);
        var sequentialSeconds = sequential.Elapsed.TotalSeconds;
        reporter.Progress($"copying {files:N0} files {degree} at a time");
        var concurrent = Stopwatch.StartNew();
        await CopyAsync(s3, bucket, keys, "current", degree, cancellationToken);
        return new PromotionBenchmarkResult(files, fileBytes, degree, sequentialSeconds, concurrent.Elapsed.TotalSeconds, endpoint, latency.TotalMilliseconds);
    }

    private static async Task CopyAsync(IAmazonS3 s3, string bucket, IReadOnlyList<string> keys, string target, int degree, CancellationToken cancellationToken)
    {
        var prefix = $"silver/bench/transactions/schema_v=1/{target}";
        if (degree == 1)
        {
            foreach (var key in keys)
            {
                await s3.CopyObjectAsync(bucket, $"{RunPrefix}/{key}", bucket, $"{prefix}/{key}", cancellationToken);
            }

            return;
        }

        // The promoter's copy loop (Promoter.CopyFilesAsync), with the S3 call it makes per file.
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = degree, CancellationToken = cancellationToken }, async (key, token) =>
            await s3.CopyObjectAsync(bucket, $"{RunPrefix}/{key}", bucket, $"{prefix}/{key}", token));
    }

    private static AmazonS3Client Client(string endpoint, TimeSpan latency)
    {
        // The region first: setting it after ServiceURL would replace the endpoint with AWS's.
        var config = new AmazonS3Config { RegionEndpoint = RegionEndpoint.USEast1 };
        config.ServiceURL = endpoint;
        config.ForcePathStyle = true;
        config.AuthenticationRegion = "us-east-1";
        config.MaxConnectionsPerServer = 64;
        if (latency > TimeSpan.Zero)
        {
            config.HttpClientFactory = new LatencyHttpClientFactory(latency);
        }
        // moto accepts any key; a real endpoint gets the environment's credentials.
        var credentials = Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") is { Length: > 0 }
            ? (AWSCredentials)new EnvironmentVariablesAWSCredentials()
            : new BasicAWSCredentials("medallion-bench", "medallion-bench");
        return new AmazonS3Client(credentials, config);
    }
}
