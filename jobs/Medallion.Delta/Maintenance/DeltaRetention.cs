using System.Globalization;
using System.Text.RegularExpressions;
using Medallion.Delta.Cleanup;

namespace Medallion.Delta.Maintenance;

/// <summary>
/// How long removed data files must stay for time travel: the table property
/// <c>delta.deletedFileRetentionDuration</c> (Delta's spelling, e.g. <c>interval 7 days</c>), 7 days by default.
/// </summary>
public static partial class DeltaRetention
{
    /// <summary>The table property that holds the retention.</summary>
    public const string DeletedFileRetentionProperty = TableProperties.DeletedFileRetentionKey;

    /// <summary>Delta's default when the property is not set.</summary>
    public static TimeSpan DefaultDeletedFileRetention => TableProperties.DefaultDeletedFileRetention;

    /// <summary>The table's retention of removed files: its property when set and readable, else the 7-day default.</summary>
    public static TimeSpan DeletedFileRetention(DeltaMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.Configuration.TryGetValue(DeletedFileRetentionProperty, out var text) && TryParseInterval(text, out var retention)
            ? retention
            : DefaultDeletedFileRetention;
    }

    /// <summary>
    /// Parses Delta's <c>interval N unit</c> (units: weeks to milliseconds; singular or plural; the word
    /// <c>interval</c> optional), or the short <c>7d</c>, <c>12h</c>, <c>30m</c>, <c>500ms</c>: the one reader of
    /// the retention properties, for the writer's checkpoints and log cleanup and for vacuum.
    /// </summary>
    public static bool TryParseInterval(string? text, out TimeSpan interval)
    {
        interval = default;
        var match = text is null ? Match.Empty : Interval().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var amount = double.Parse(match.Groups["amount"].Value, CultureInfo.InvariantCulture);
        var unit = match.Groups["unit"].Value.ToLowerInvariant();
        interval = unit is "ms" || unit.StartsWith("millisecond", StringComparison.Ordinal) ? TimeSpan.FromMilliseconds(amount) : unit[0] switch
        {
            'w' => TimeSpan.FromDays(7 * amount),
            'd' => TimeSpan.FromDays(amount),
            'h' => TimeSpan.FromHours(amount),
            'm' => TimeSpan.FromMinutes(amount),
            _ => TimeSpan.FromSeconds(amount),
        };
        return true;
    }

    [GeneratedRegex(@"^\s*(?:interval\s+)?(?<amount>\d+(?:\.\d+)?)\s*(?<unit>(?:week|day|hour|minute|second|millisecond)s?|ms|w|d|h|m|s)\s*\z", RegexOptions.IgnoreCase)]
    private static partial Regex Interval();
}
