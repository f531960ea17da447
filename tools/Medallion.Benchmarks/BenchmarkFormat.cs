namespace Medallion.Benchmarks;

/// <summary>Which raw formats the engine benchmark generates and reads.</summary>
public enum BenchmarkFormat
{
    /// <summary>Half the input size as CSV, half as newline-delimited JSON.</summary>
    Both,

    /// <summary>All of it as CSV.</summary>
    Csv,

    /// <summary>All of it as newline-delimited JSON.</summary>
    Ndjson,

    /// <summary>A typed Parquet file: the generated CSV (of the given size) copied with its amounts and timestamps typed.</summary>
    Parquet,
}
