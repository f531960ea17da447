using System.Globalization;

namespace Medallion.Benchmarks;

/// <summary>Sizes as people type them: <c>1GB</c>, <c>20MB</c>, <c>512KB</c>, <c>1000</c> (bytes); powers of 1024.</summary>
public static class ByteSize
{
    private static readonly (string Suffix, long Factor)[] Units =
    [
        ("TB", 1L << 40), ("GB", 1L << 30), ("MB", 1L << 20), ("KB", 1L << 10), ("B", 1),
    ];

    /// <exception cref="ArgumentException">The text is not a positive size.</exception>
    public static long Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        foreach (var (suffix, factor) in Units)
        {
            if (trimmed.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(trimmed[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0)
            {
                return (long)(value * factor);
            }
        }

        return long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) && bytes > 0
            ? bytes
            : throw new ArgumentException($"'{text}' is not a size; write e.g. 1GB, 20MB or 512KB.", nameof(text));
    }

    /// <summary>A short human form, e.g. <c>1.00 GB</c>.</summary>
    public static string Format(long bytes)
    {
        foreach (var (suffix, factor) in Units)
        {
            if (bytes >= factor)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{(double)bytes / factor:0.00} {suffix}");
            }
        }

        return "0 B";
    }
}
