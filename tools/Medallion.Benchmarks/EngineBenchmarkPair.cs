namespace Medallion.Benchmarks;

/// <summary>One repetition, in seconds: the bare DuckDB copy, the floor, Medallion's bronze + silver run, then the bare copy of silver from bronze.</summary>
/// <param name="FloorSeconds">The floor (<see cref="FloorScript"/>): bronze, silver and quarantine by hand-written statements.</param>
/// <param name="BronzeSeconds">Medallion's bronze layers (all tables), as the engine reports them.</param>
/// <param name="SilverSeconds">Medallion's silver layers (all tables).</param>
/// <param name="SilverCopySeconds">A bare partitioned COPY of the cleansed rows of the bronze files Medallion's run wrote.</param>
public sealed record EngineBenchmarkPair(
    double DuckDbSeconds, double FloorSeconds, double MedallionSeconds, double BronzeSeconds, double SilverSeconds, double SilverCopySeconds)
{
    /// <summary>Medallion's throughput (bronze + silver, end to end) over bare DuckDB's: 1 means no overhead.</summary>
    public double Ratio => DuckDbSeconds / MedallionSeconds;

    /// <summary>Medallion's throughput over the floor's, which writes the same files: 1 means no overhead above the floor.</summary>
    public double FloorRatio => FloorSeconds / MedallionSeconds;

    /// <summary>The silver run's throughput over bare DuckDB's (the silver run reads the bronze rows the same run wrote).</summary>
    public double SilverRatio => DuckDbSeconds / SilverSeconds;

    /// <summary>The silver run's throughput over a bare partitioned COPY of the same cleansed rows from the same bronze files.</summary>
    public double SilverCopyRatio => SilverCopySeconds / SilverSeconds;
}
