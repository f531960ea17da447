namespace Medallion.Benchmarks;

/// <summary>One generated input table of the engine benchmark: its source format, its files and what a run must count.</summary>
/// <param name="Source">csv, ndjson or parquet (a typed Parquet file made from generated CSV).</param>
/// <param name="Name">The table's name in the benchmark's dataset.</param>
/// <param name="Glob">The table's raw files, as an absolute glob.</param>
/// <param name="Bytes">Bytes of input.</param>
/// <param name="Rows">Records in the input, malformed ones included.</param>
/// <param name="ExpectedSilverRows">Rows that must reach silver, known from the generator; null for the Parquet source, which the floor's counts check instead.</param>
/// <param name="ExpectedQuarantinedRows">Rows that must be quarantined, as <paramref name="ExpectedSilverRows"/>.</param>
internal sealed record BenchmarkTable(string Source, string Name, string Glob, long Bytes, long Rows, long? ExpectedSilverRows, long? ExpectedQuarantinedRows);
