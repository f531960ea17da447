using System.Globalization;
using Medallion.Delta.Maintenance;

namespace Medallion.Delta.Cleanup;

/// <summary>
/// The <c>delta.*</c> table properties that decide when Medallion's writer checkpoints and what
/// it cleans up, with the protocol's defaults (as delta-spark and delta-rs read them).
/// </summary>
internal static class TableProperties
{
    public const string CheckpointIntervalKey = "delta.checkpointInterval";
    public const string LogRetentionKey = "delta.logRetentionDuration";
    public const string DeletedFileRetentionKey = "delta.deletedFileRetentionDuration";
    public const string ExpiredLogCleanupKey = "delta.enableExpiredLogCleanup";

    public const int DefaultCheckpointInterval = 10;

    public static readonly TimeSpan DefaultLogRetention = TimeSpan.FromDays(30);

    public static readonly TimeSpan DefaultDeletedFileRetention = TimeSpan.FromDays(7);

    /// <summary>Commits between checkpoints; the default when the property is absent or not a positive whole number.</summary>
    public static int CheckpointInterval(DeltaMetadata metadata) =>
        metadata.Configuration.TryGetValue(CheckpointIntervalKey, out var text)
        && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var interval) && interval > 0
            ? interval
            : DefaultCheckpointInterval;

    /// <summary>Whether commits and checkpoints older than the log retention are removed after a checkpoint (default true).</summary>
    public static bool ExpiredLogCleanup(DeltaMetadata metadata) =>
        !(metadata.Configuration.TryGetValue(ExpiredLogCleanupKey, out var text) && string.Equals(text?.Trim(), "false", StringComparison.OrdinalIgnoreCase));

    /// <summary>How long commits stay in the log (<c>delta.logRetentionDuration</c>, default 30 days).</summary>
    /// <remarks>Throws <see cref="FormatException"/> naming the property for a value that is not an interval.</remarks>
    public static TimeSpan LogRetention(DeltaMetadata metadata) => Interval(metadata, LogRetentionKey, DefaultLogRetention);

    /// <summary>How long <c>remove</c> tombstones stay in checkpoints (<c>delta.deletedFileRetentionDuration</c>, default 7 days).</summary>
    /// <remarks>Throws <see cref="FormatException"/> naming the property for a value that is not an interval.</remarks>
    public static TimeSpan DeletedFileRetention(DeltaMetadata metadata) => Interval(metadata, DeletedFileRetentionKey, DefaultDeletedFileRetention);

    private static TimeSpan Interval(DeltaMetadata metadata, string key, TimeSpan fallback)
    {
        if (!metadata.Configuration.TryGetValue(key, out var text))
        {
            return fallback;
        }

        return DeltaRetention.TryParseInterval(text, out var interval)
            ? interval
            : throw new FormatException($"The table property {key} is '{text}', which is not an interval such as 'interval 30 days'.");
    }
}
