namespace Medallion.Benchmarks;

/// <summary>The rows the floor wrote to silver and to quarantine (all tables).</summary>
internal readonly record struct FloorCounts(long Silver, long Quarantined)
{
    public static FloorCounts operator +(FloorCounts left, FloorCounts right) =>
        new(left.Silver + right.Silver, left.Quarantined + right.Quarantined);
}
