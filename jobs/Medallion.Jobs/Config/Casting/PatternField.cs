namespace Medallion.Jobs.Config.Casting;

/// <summary>What one token of a <see cref="DateTimePattern"/> reads.</summary>
public enum PatternField
{
    /// <summary>Literal text, matched exactly.</summary>
    Literal,

    /// <summary><c>yyyy</c>: a four-digit year, 0001 to 9999.</summary>
    Year,

    /// <summary><c>MM</c>: the month as two digits.</summary>
    Month,

    /// <summary><c>M</c>: the month as one or two digits.</summary>
    MonthShort,

    /// <summary><c>MMM</c>: the English month abbreviation (Jan … Dec), any letter case.</summary>
    MonthAbbreviation,

    /// <summary><c>MMMM</c>: the English month name (January … December), any letter case.</summary>
    MonthName,

    /// <summary><c>dd</c>: the day of the month as two digits.</summary>
    Day,

    /// <summary><c>d</c>: the day of the month as one or two digits.</summary>
    DayShort,

    /// <summary><c>HH</c>: the hour 00–23.</summary>
    Hour,

    /// <summary><c>H</c>: the hour 0–23, one or two digits.</summary>
    HourShort,

    /// <summary><c>hh</c>: the hour of a 12-hour clock, 01–12 (needs <c>a</c>).</summary>
    ClockHour,

    /// <summary><c>h</c>: the hour of a 12-hour clock, 1–12, one or two digits (needs <c>a</c>).</summary>
    ClockHourShort,

    /// <summary><c>mm</c>: minutes, two digits.</summary>
    Minute,

    /// <summary><c>ss</c>: seconds, two digits.</summary>
    Second,

    /// <summary><c>S</c> to <c>SSSSSS</c>: a fraction of a second with exactly that many digits.</summary>
    Fraction,

    /// <summary><c>a</c>: AM or PM, any letter case.</summary>
    AmPm,

    /// <summary><c>X</c>: <c>Z</c> or an offset <c>+HH</c>.</summary>
    OffsetHours,

    /// <summary><c>XX</c>: <c>Z</c> or an offset <c>+HHmm</c>.</summary>
    OffsetBasic,

    /// <summary><c>XXX</c>: <c>Z</c> or an offset <c>+HH:mm</c>.</summary>
    OffsetExtended,
}

/// <summary>One token of a <see cref="DateTimePattern"/>: a field, or literal text.</summary>
/// <param name="Field">What the token reads.</param>
/// <param name="Text">The literal text for <see cref="PatternField.Literal"/>; the letters as written otherwise.</param>
public sealed record PatternToken(PatternField Field, string Text);
