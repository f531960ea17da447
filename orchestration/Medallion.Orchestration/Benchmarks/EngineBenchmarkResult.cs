namespace Medallion.Orchestration.Benchmarks;

/// <summary>One repetition: the bare DuckDB copy, then Medallion's bronze + silver run, in seconds.</summary>
/// <param name="BronzeSeconds">Medallion's bronze layers (all tables), as the engine reports them.</param>
/// <param name="SilverSeconds">Medallion's silver layers (all tables).</param>
public sealed record EngineBenchmarkPair(double DuckDbSeconds, double MedallionSeconds, double BronzeSeconds, double SilverSeconds)
{
    /// <summary>Medallion's throughput (bronze + silver, end to end) over bare DuckDB's: 1 means no overhead.</summary>
    public double Ratio => DuckDbSeconds / MedallionSeconds;

    /// <summary>The silver run's throughput over bare DuckDB's (the silver run reads the bronze rows the same run wrote).</summary>
    public double SilverRatio => DuckDbSeconds / SilverSeconds;
}

/// <summary>What <see cref="EngineBenchmark"/> measured; rates are medians over the repetitions.</summary>
/// <param name="InputBytes">Bytes of generated input (all formats).</param>
/// <param name="Rows">Records in the input, malformed ones included.</param>
/// <param name="Ratio">The median over the pairs of (Medallion rows/s ÷ bare DuckDB rows/s), Medallion being bronze + silver from the raw files.</param>
/// <param name="SilverRowsPerSecond">Input rows per second of the silver runs alone (median).</param>
/// <param name="SilverRatio">The median over the pairs of (silver run rows/s ÷ bare DuckDB rows/s).</param>
/// <param name="PeakRssBytes">The process's peak resident set (VmHWM) at the end.</param>
/// <param name="SilverRows">Rows Medallion wrote to silver in the last repetition.</param>
/// <param name="QuarantinedRows">Rows Medallion quarantined in the last repetition.</param>
/// <param name="ExpectedSilverRows">Rows that must reach silver, known from the generator.</param>
/// <param name="ExpectedQuarantinedRows">Rows that must be quarantined, known from the generator.</param>
/// <param name="DuckDbRowsWritten">Rows the bare COPY wrote (it skips lines it cannot read).</param>
public sealed record EngineBenchmarkResult(
    long InputBytes,
    long Rows,
    string Format,
    string MemoryLimit,
    string DuckDbVersion,
    int ProcessorCount,
    double DuckDbRowsPerSecond,
    double MedallionRowsPerSecond,
    double DuckDbMegabytesPerSecond,
    double MedallionMegabytesPerSecond,
    double Ratio,
    double SilverRowsPerSecond,
    double SilverRatio,
    long PeakRssBytes,
    long SilverRows,
    long QuarantinedRows,
    long ExpectedSilverRows,
    long ExpectedQuarantinedRows,
    long DuckDbRowsWritten,
    IReadOnlyList<EngineBenchmarkPair> Pairs)
{
    /// <summary>Medallion's counts are exactly the generator's.</summary>
    public bool CountsMatch => SilverRows == ExpectedSilverRows && QuarantinedRows == ExpectedQuarantinedRows;
}
