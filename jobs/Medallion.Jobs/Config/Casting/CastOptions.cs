namespace Medallion.Jobs.Config.Casting;

/// <summary>
/// How text becomes a typed value, beyond the type itself: the options a bronze column or a
/// <c>cast</c> entry may set. Each applies to some types only; the loader refuses the others.
/// </summary>
/// <param name="Formats">Date/timestamp formats tried in order; empty for the default ISO-8601 reading.</param>
/// <param name="Rounding">Decimals: what more fractional digits than the scale do (<see cref="DecimalRounding.Fail"/> by default).</param>
/// <param name="ThousandsSeparator">int/long/decimal: a character that may group digits by three (<c>1,234,567</c>); null for none.</param>
/// <param name="TrueWords">Booleans: the texts read as true, compared without case; null for the defaults.</param>
/// <param name="FalseWords">Booleans: the texts read as false, compared without case; null for the defaults.</param>
public sealed record CastOptions(
    IReadOnlyList<DateTimePattern> Formats,
    DecimalRounding Rounding = DecimalRounding.Fail,
    char? ThousandsSeparator = null,
    IReadOnlyList<string>? TrueWords = null,
    IReadOnlyList<string>? FalseWords = null)
{
    /// <summary>No options: ISO-8601 dates and timestamps, no rounding, no separators, the default boolean words.</summary>
    public static CastOptions Default { get; } = new([]);

    /// <summary>The words read as true when a column sets none.</summary>
    public static IReadOnlyList<string> DefaultTrueWords { get; } = ["true", "t", "yes", "y", "1"];

    /// <summary>The words read as false when a column sets none.</summary>
    public static IReadOnlyList<string> DefaultFalseWords { get; } = ["false", "f", "no", "n", "0"];

    public IReadOnlyList<string> TrueWordsOrDefault => TrueWords ?? DefaultTrueWords;

    public IReadOnlyList<string> FalseWordsOrDefault => FalseWords ?? DefaultFalseWords;

    /// <summary>The formats to try, in order: the given ones, or ISO-8601 alone.</summary>
    public IReadOnlyList<DateTimePattern> FormatsOrIso => Formats.Count > 0 ? Formats : [DateTimePattern.Iso];

    /// <summary>The YAML keys a column or cast entry may use for options.</summary>
    internal static readonly string[] Keys = ["format", "round", "thousands", "true_values", "false_values"];
}
