namespace Medallion.Benchmarks;

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
