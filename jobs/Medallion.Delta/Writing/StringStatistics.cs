using System.Text;

namespace Medallion.Delta.Writing;

/// <summary>
/// How string <c>minValues</c>/<c>maxValues</c> are cut before they go into <c>add.stats</c>, the
/// way the reference writer (delta-spark) does it, so a table Medallion writes prunes files the
/// same way in every reader.
/// </summary>
/// <remarks>
/// <para>
/// delta-spark (<c>StatisticsCollection.statsCollector</c>, prefix length
/// <c>spark.databricks.delta.stats.skipping.strings.prefixLength</c>, default 32):
/// the minimum is <c>substring(min(c), 0, 32)</c>, a prefix of 32 characters, which is still a
/// lower bound. The maximum goes through <c>truncateMaxStringAgg(32)</c>: a string of at most 32
/// characters is kept; a longer one is cut to 32 characters, then extended while the following
/// characters are at or above U+FFFD, and U+FFFD is appended as a tie-breaker so the result
/// still sorts above every value in the file.
/// </para>
/// <para>
/// Two deliberate differences, both where delta-spark's maximum counts UTF-16 units: Medallion
/// counts Unicode code points for both bounds (as Spark's <c>substring</c> already does for the
/// minimum), so a bound never ends in half a surrogate pair; and it compares code points with
/// U+FFFD, so a cut-off character above the Basic Multilingual Plane (an emoji, which sorts
/// above U+FFFD in the UTF-8 byte order readers compare in) is kept rather than replaced by a
/// smaller tie-breaker. For text without such characters the result is identical to delta-spark's.
/// </para>
/// </remarks>
public static class StringStatistics
{
    /// <summary>The number of characters (code points) kept in a string bound.</summary>
    public const int PrefixLength = 32;

    /// <summary>The reference writer's default <c>delta.dataSkippingNumIndexedCols</c>: stats for the first 32 leaf columns.</summary>
    public const int IndexedColumns = 32;

    private const int TieBreaker = 0xFFFD;

    /// <summary>The minimum as stored: its first <see cref="PrefixLength"/> code points.</summary>
    public static string TruncateMin(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return CutAfter(value, PrefixLength, out _);
    }

    /// <summary>The maximum as stored: unchanged when short, else a prefix that still bounds it from above.</summary>
    public static string TruncateMax(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var prefix = CutAfter(value, PrefixLength, out var rest);
        if (rest.Length == 0)
        {
            return value;
        }

        var builder = new StringBuilder(prefix, prefix.Length + 8);
        foreach (var rune in rest.EnumerateRunes())
        {
            if (rune.Value < TieBreaker)
            {
                break;
            }

            builder.Append(rune.ToString());
        }

        return builder.Append((char)TieBreaker).ToString();
    }

    /// <summary>The first <paramref name="codePoints"/> code points of <paramref name="value"/>; the remainder in <paramref name="rest"/>.</summary>
    private static string CutAfter(string value, int codePoints, out string rest)
    {
        var index = 0;
        for (var count = 0; count < codePoints && index < value.Length; count++)
        {
            // A lone surrogate counts as one (replacement) character, like the decoder sees it.
            index += char.IsSurrogatePair(value, index) ? 2 : 1;
        }

        rest = value[index..];
        return value[..index];
    }
}
