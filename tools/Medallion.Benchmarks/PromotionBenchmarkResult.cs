namespace Medallion.Benchmarks;

/// <summary>What <see cref="PromotionBenchmark"/> measured.</summary>
/// <param name="Files">Data files copied by each side.</param>
/// <param name="FileBytes">Bytes per file.</param>
/// <param name="Parallelism">Copies in flight at once on the concurrent side (the promoter's <c>CopyParallelism</c>).</param>
/// <param name="SequentialSeconds">One copy after another.</param>
/// <param name="ConcurrentSeconds">The same files with <paramref name="Parallelism"/> copies at once.</param>
/// <param name="Endpoint">The S3 endpoint (moto unless one was given).</param>
/// <param name="AddedLatencyMilliseconds">The simulated round trip the started moto server waits in every request (0: none).</param>
public sealed record PromotionBenchmarkResult(
    int Files, int FileBytes, int Parallelism, double SequentialSeconds, double ConcurrentSeconds, string Endpoint, double AddedLatencyMilliseconds)
{
    /// <summary>How many times faster the concurrent copy is.</summary>
    public double Speedup => SequentialSeconds / ConcurrentSeconds;

    public double SequentialMillisecondsPerFile => SequentialSeconds * 1000 / Files;

    public double ConcurrentMillisecondsPerFile => ConcurrentSeconds * 1000 / Files;
}
