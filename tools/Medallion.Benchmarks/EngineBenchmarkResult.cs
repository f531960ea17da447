namespace Medallion.Benchmarks;

/// <summary>What <see cref="EngineBenchmark"/> measured; rates are medians over the repetitions.</summary>
/// <param name="InputBytes">Bytes of generated input (all formats).</param>
/// <param name="Rows">Records in the input, malformed ones included.</param>
/// <param name="Ratio">The median over the pairs of (Medallion rows/s ÷ bare DuckDB rows/s), Medallion being bronze + silver from the raw files.</param>
/// <param name="FloorRowsPerSecond">Input rows per second of the floor (median).</param>
/// <param name="FloorRatio">The median over the repetitions of (Medallion rows/s ÷ floor rows/s): 1 means no overhead above the floor.</param>
/// <param name="SilverRowsPerSecond">Input rows per second of the silver runs alone (median).</param>
/// <param name="SilverRatio">The median over the pairs of (silver run rows/s ÷ bare DuckDB rows/s).</param>
/// <param name="SilverCopyRatio">The median over the repetitions of (silver run rows/s ÷ bare partitioned COPY of the same rows from bronze rows/s).</param>
/// <param name="PeakRssBytes">The process's peak resident set (VmHWM) at the end.</param>
/// <param name="SilverRows">Rows Medallion wrote to silver in the last repetition.</param>
/// <param name="QuarantinedRows">Rows Medallion quarantined in the last repetition.</param>
/// <param name="ExpectedSilverRows">Rows that must reach silver, known from the generator (for the Parquet source, the floor's count).</param>
/// <param name="ExpectedQuarantinedRows">Rows that must be quarantined, known from the generator (for the Parquet source, the floor's count).</param>
/// <param name="FloorSilverRows">Rows the floor wrote to silver in the last repetition.</param>
/// <param name="FloorQuarantinedRows">Rows the floor quarantined in the last repetition.</param>
/// <param name="DuckDbRowsWritten">Rows the bare COPY wrote (it skips lines it cannot read).</param>
/// <param name="SilverCopyRowsWritten">Rows the bare COPY of silver from bronze wrote (every record that is not malformed).</param>
public sealed record EngineBenchmarkResult(
    long InputBytes,
    long Rows,
    string Format,
    string MemoryLimit,
    string DuckDbVersion,
    int ProcessorCount,
    double DuckDbRowsPerSecond,
    double FloorRowsPerSecond,
    double MedallionRowsPerSecond,
    double DuckDbMegabytesPerSecond,
    double MedallionMegabytesPerSecond,
    double Ratio,
    double FloorRatio,
    double SilverRowsPerSecond,
    double SilverRatio,
    double SilverCopyRatio,
    long PeakRssBytes,
    long SilverRows,
    long QuarantinedRows,
    long ExpectedSilverRows,
    long ExpectedQuarantinedRows,
    long FloorSilverRows,
    long FloorQuarantinedRows,
    long DuckDbRowsWritten,
    long SilverCopyRowsWritten,
    IReadOnlyList<EngineBenchmarkPair> Pairs)
{
    /// <summary>Medallion's counts are exactly the generator's, and the floor's are Medallion's.</summary>
    public bool CountsMatch =>
        SilverRows == ExpectedSilverRows && QuarantinedRows == ExpectedQuarantinedRows &&
        FloorSilverRows == SilverRows && FloorQuarantinedRows == QuarantinedRows;
}
