using Medallion.Delta.Storage;

namespace Medallion.Benchmarks;

/// <summary>What <c>medallion bench history</c> measured.</summary>
/// <param name="Store">Where the lake was: <c>local</c> or the moto endpoint.</param>
/// <param name="Counted">Which requests are counted: on a local lake the engine reads and writes its files in place, so only the gate's (validate, promote, run history) and the runs listing's.</param>
/// <param name="Samples">The runs measured (1, N/3, N), each with its requests and the <c>medallion runs</c> listing after it.</param>
public sealed record HistoryBenchmarkResult(
    int Runs, string Store, double AddedLatencyMilliseconds, string Counted, IReadOnlyList<HistoryBenchmarkSample> Samples, IReadOnlyList<double> SecondsPerRun);

/// <summary>One measured run.</summary>
/// <param name="Run">Its number (1 = first).</param>
/// <param name="Seconds">The run, validation and promotion, end to end.</param>
/// <param name="Requests">Its object-store requests.</param>
/// <param name="RunsListingSeconds">Listing the table's runs (<c>medallion runs</c>) right after it.</param>
/// <param name="RunsListingRequests">The listing's requests.</param>
public sealed record HistoryBenchmarkSample(int Run, double Seconds, ObjectStoreRequestCounts Requests, double RunsListingSeconds, ObjectStoreRequestCounts RunsListingRequests);
