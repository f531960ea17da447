namespace Medallion.Benchmarks;

/// <summary>What a floor statement writes, for counting its rows.</summary>
internal enum FloorOutput
{
    Other,
    Silver,
    Quarantine,
}
