namespace Medallion.Samples;

/// <summary>
/// SplitMix64 (Steele, Lea, Flood 2014). Our own generator rather than <see cref="Random"/>,
/// whose sequence for a seed is not promised to stay the same across .NET versions; samples
/// must be byte-identical for the same arguments forever.
/// </summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, <paramref name="maxExclusive"/>); Lemire's multiply-shift, no modulo bias worth caring about here.</summary>
    public long NextLong(long maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (long)Math.BigMul(NextUInt64(), (ulong)maxExclusive, out _);
    }

    /// <summary>A value in [<paramref name="minInclusive"/>, <paramref name="maxExclusive"/>).</summary>
    public int NextInt(int minInclusive, int maxExclusive) =>
        minInclusive + (int)NextLong(maxExclusive - minInclusive);

    /// <summary>A value in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public T Pick<T>(IReadOnlyList<T> items) => items[(int)NextLong(items.Count)];

    /// <summary>A generator for a separate stream, so adding draws to one table never shifts another.</summary>
    public static SplitMix64 ForStream(ulong seed, ulong stream) => new(seed ^ (stream * 0xD1B54A32D192ED03UL));
}
