namespace Medallion.Benchmarks;

/// <summary>What <see cref="EngineBenchmark"/> measures.</summary>
/// <param name="InputBytes">Generated input, about this many bytes across the formats; default 1 GiB.</param>
/// <param name="Repetitions">Pairs of (bare DuckDB, Medallion) runs, alternating; default 5.</param>
/// <param name="Format">Which raw formats; default both (half CSV, half NDJSON).</param>
/// <param name="MemoryLimit">DuckDB's <c>memory_limit</c> for both sides; default 2GB (the sample environment's).</param>
/// <param name="WorkDirectory">Where the scratch folder goes (default: the system temp folder); it is deleted afterwards.</param>
public sealed record EngineBenchmarkOptions(
    long InputBytes = 1L << 30,
    int Repetitions = 5,
    BenchmarkFormat Format = BenchmarkFormat.Both,
    string MemoryLimit = "2GB",
    string? WorkDirectory = null);
