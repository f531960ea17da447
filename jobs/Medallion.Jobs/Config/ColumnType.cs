using System.Globalization;
using System.Text.RegularExpressions;

namespace Medallion.Jobs.Config;

/// <summary>The column types a dataset may declare.</summary>
public enum ColumnKind
{
    String,
    Int,
    Long,
    Double,
    Decimal,
    Boolean,
    Date,
    Timestamp,
}

/// <summary>
/// A declared column type: <c>string, int, long, double, decimal(p,s), boolean, date, timestamp</c>.
/// Timestamps are instants in UTC (Delta <c>timestamp</c>).
/// </summary>
public sealed partial record ColumnType(ColumnKind Kind, int Precision = 0, int Scale = 0)
{
    public static ColumnType String { get; } = new(ColumnKind.String);
    public static ColumnType Int { get; } = new(ColumnKind.Int);
    public static ColumnType Long { get; } = new(ColumnKind.Long);
    public static ColumnType Double { get; } = new(ColumnKind.Double);
    public static ColumnType Boolean { get; } = new(ColumnKind.Boolean);
    public static ColumnType Date { get; } = new(ColumnKind.Date);
    public static ColumnType Timestamp { get; } = new(ColumnKind.Timestamp);

    public static ColumnType Decimal(int precision, int scale) => new(ColumnKind.Decimal, precision, scale);

    /// <summary>Parses a type as written in YAML; <see langword="null"/> when it is not one.</summary>
    public static ColumnType? TryParse(string text)
    {
        var trimmed = text.Trim().ToLowerInvariant();
        switch (trimmed)
        {
            case "string": return String;
            case "int": return Int;
            case "long": return Long;
            case "double": return Double;
            case "boolean": return Boolean;
            case "date": return Date;
            case "timestamp": return Timestamp;
        }

        var match = DecimalPattern().Match(trimmed);
        if (!match.Success)
        {
            return null;
        }

        var precision = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var scale = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        return precision is >= 1 and <= 38 && scale <= precision ? Decimal(precision, scale) : null;
    }

    /// <summary>The accepted spellings, for error messages.</summary>
    public const string Expected = "one of string, int, long, double, decimal(p,s) with 1 <= p <= 38 and s <= p, boolean, date, timestamp";

    public override string ToString() => Kind == ColumnKind.Decimal
        ? string.Create(CultureInfo.InvariantCulture, $"decimal({Precision},{Scale})")
        : Kind.ToString().ToLowerInvariant();

    [GeneratedRegex(@"^decimal\s*\(\s*(\d{1,2})\s*,\s*(\d{1,2})\s*\)$")]
    private static partial Regex DecimalPattern();
}
