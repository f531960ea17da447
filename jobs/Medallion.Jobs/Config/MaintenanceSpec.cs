using System.Globalization;
using System.Text.RegularExpressions;

namespace Medallion.Jobs.Config;

/// <summary>
/// Automatic maintenance of an environment (<c>maintenance:</c> in <c>medallion.yaml</c>): after
/// each promotion, the partitions of <c>current/</c> that hold more than
/// <see cref="OptimizeSmallFiles"/> files below <see cref="TargetFileSize"/> are compacted
/// (OPTIMIZE). Off by default.
/// </summary>
/// <param name="OptimizeSmallFiles">Compact a partition once it has more than this many small files; null (the default) turns automatic OPTIMIZE off.</param>
/// <param name="TargetFileSize">The size compacted files aim at, in bytes; files at or above it count as large. Default 128 MB.</param>
public sealed partial record MaintenanceSpec(int? OptimizeSmallFiles = null, long TargetFileSize = MaintenanceSpec.DefaultTargetFileSize)
{
    /// <summary>128 MB, Delta's usual target.</summary>
    public const long DefaultTargetFileSize = 128L * 1024 * 1024;

    /// <summary>No automatic maintenance.</summary>
    public static MaintenanceSpec Off { get; } = new();

    /// <summary>A size such as <c>128MB</c>, <c>1GiB</c> or <c>512KB</c> (units of 1024 bytes, as Delta counts them), from 1 KB to 1 TB; null when unreadable.</summary>
    public static long? ParseFileSize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = FileSize().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var unit = match.Groups["unit"].Value.ToUpperInvariant();
        var scale = unit.Length == 0 ? 1 : Math.Pow(1024, "BKMGT".IndexOf(unit[0], StringComparison.Ordinal));
        var bytes = double.Parse(match.Groups["amount"].Value, CultureInfo.InvariantCulture) * scale;
        return bytes is >= 1024 and <= 1024d * 1024 * 1024 * 1024 ? (long)bytes : null;
    }

    [GeneratedRegex(@"^\s*(?<amount>\d+(\.\d+)?)\s*(?<unit>[KMGT]i?B|B)?\s*\z", RegexOptions.IgnoreCase)]
    private static partial Regex FileSize();
}
