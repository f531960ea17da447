using System.Globalization;
using System.Text;
using Medallion.Jobs.Config.Casting;

namespace Medallion.Jobs.Sql;

/// <summary>
/// The regular expressions that decide which texts cast, shared by both dialects. They use only
/// what RE2 (DuckDB) and java.util.regex (Spark) read alike: <c>[0-9]</c> classes, <c>(?:…)</c>,
/// <c>(?i:…)</c>, and <c>^…\z</c> anchors (Java's <c>$</c> would also match before a final line break).
/// Each allows spaces (U+0020, nothing else) around the value; the engines ignore them.
/// </summary>
internal static class CastPatterns
{
    private const string Year = "(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})";
    private const string Month = "(?:0[1-9]|1[0-2])";
    private const string Day = "(?:0[1-9]|[12][0-9]|3[01])";
    private const string Hour = "(?:[01][0-9]|2[0-3])";
    private const string Sixty = "[0-5][0-9]";

    // Real offsets lie within ±14:00; both engines accept every one of these.
    private const string OffsetHour = "[+-](?:0[0-9]|1[0-4])";

    /// <summary>An integer literal: optional sign, digits; with a separator, also digits grouped by three.</summary>
    public static string Integer(char? separator) => Whole($"[+-]?{Digits(separator)}");

    /// <summary>
    /// A decimal literal with at most <paramref name="scale"/> fractional digits (more are allowed
    /// when they are zeros, which changes nothing), or any number when rounding.
    /// </summary>
    public static string Decimal(int scale, char? separator, bool rounding)
    {
        var fraction = rounding ? "[0-9]*" : string.Create(CultureInfo.InvariantCulture, $"[0-9]{{0,{scale}}}0*");
        return Whole($"[+-]?{Digits(separator)}(?:\\.{fraction})?");
    }

    /// <summary>
    /// With <c>round: half_even</c>, a value that lies exactly half-way with an even last kept digit:
    /// the kept digits, then 5, then only zeros. Such a value keeps its digits; any other rounds half up.
    /// </summary>
    public static string HalfEvenTie(int scale) => scale == 0
        ? "[02468]\\.50* *\\z"
        : string.Create(CultureInfo.InvariantCulture, $"\\.[0-9]{{{scale - 1}}}[02468]50* *\\z");

    /// <summary>What <see cref="HalfEvenTie"/> drops to keep the digits: the 5 and its zeros (and the point when the scale is 0).</summary>
    public static string HalfEvenTail(int scale) => scale == 0 ? "\\.50* *\\z" : "50* *\\z";

    /// <summary>A finite floating point literal: digits, an optional fraction and exponent; no NaN or Infinity.</summary>
    public static string Double { get; } = Whole("[+-]?[0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");

    /// <summary>ISO-8601 calendar date: <c>yyyy-MM-dd</c>.</summary>
    public static string IsoDate { get; } = Whole(IsoDateCore);

    /// <summary>
    /// ISO-8601 date and time as both engines cast it directly: a date alone (midnight UTC), or
    /// with <c>T</c> or a space, <c>HH:mm</c>, then optionally seconds with up to nine fractional
    /// digits (beyond microseconds they are dropped) and an offset <c>Z</c>, <c>±HH</c> or <c>±HH:mm</c>;
    /// without an offset the time is UTC. An offset right after the minutes is <see cref="IsoTimestampWithoutSeconds"/>.
    /// </summary>
    public static string IsoTimestamp { get; } =
        Whole($"{IsoDateCore}(?:[T ]{Hour}:{Sixty}(?::{Sixty}(?:\\.[0-9]{{1,9}})?{IsoOffset}?)?)?");

    /// <summary><c>yyyy-MM-ddTHH:mm</c> with an offset, which neither engine casts: seconds <c>:00</c> are inserted first.</summary>
    public static string IsoTimestampWithoutSeconds { get; } = Whole($"{IsoDateCore}[T ]{Hour}:{Sixty}{IsoOffset}");

    /// <summary>The length of <c>yyyy-MM-ddTHH:mm</c>, after which the seconds go.</summary>
    public const int IsoMinutesLength = 16;

    /// <summary>The texts <paramref name="pattern"/> reads, exactly.</summary>
    public static string Of(DateTimePattern pattern)
    {
        var regex = new StringBuilder();
        foreach (var token in pattern.Tokens)
        {
            regex.Append(token.Field switch
            {
                PatternField.Literal => Escape(token.Text),
                PatternField.Year => Year,
                PatternField.Month => Month,
                PatternField.MonthShort => "(?:0?[1-9]|1[0-2])",
                PatternField.MonthAbbreviation => "(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
                PatternField.MonthName => "(?i:january|february|march|april|may|june|july|august|september|october|november|december)",
                PatternField.Day => Day,
                PatternField.DayShort => "(?:0?[1-9]|[12][0-9]|3[01])",
                PatternField.Hour => Hour,
                PatternField.HourShort => "(?:[01]?[0-9]|2[0-3])",
                PatternField.ClockHour => "(?:0[1-9]|1[0-2])",
                PatternField.ClockHourShort => "(?:0?[1-9]|1[0-2])",
                PatternField.Minute or PatternField.Second => Sixty,
                PatternField.Fraction => string.Create(CultureInfo.InvariantCulture, $"[0-9]{{{token.Text.Length}}}"),
                PatternField.AmPm => "(?i:am|pm)",
                PatternField.OffsetHours => $"(?:Z|{OffsetHour})",
                PatternField.OffsetBasic => $"(?:Z|{OffsetHour}{Sixty})",
                PatternField.OffsetExtended => $"(?:Z|{OffsetHour}:{Sixty})",
                _ => throw new ArgumentOutOfRangeException(nameof(pattern), token.Field, "Unknown pattern field."),
            });
        }

        return Whole(regex.ToString());
    }

    private const string IsoDateCore = $"{Year}-{Month}-{Day}";
    private const string IsoOffset = $"(?:Z|{OffsetHour}(?::{Sixty})?)";

    private static string Whole(string core) => $"^ *{core} *\\z";

    private static string Digits(char? separator) => separator is { } s
        ? $"(?:[0-9]{{1,3}}(?:{Escape(s.ToString())}[0-9]{{3}})+|[0-9]+)"
        : "[0-9]+";

    /// <summary>Literal text: ASCII punctuation escaped with a backslash (a literal in both RE2 and Java), the rest as is.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder();
        foreach (var c in text)
        {
            if (c is <= ' ' or >= (char)127 || char.IsAsciiLetterOrDigit(c))
            {
                escaped.Append(c);
            }
            else
            {
                escaped.Append('\\').Append(c);
            }
        }

        return escaped.ToString();
    }
}
