using System.Text;

namespace Medallion.Jobs.Config.Casting;

/// <summary>
/// A date or timestamp format in Medallion's portable pattern language (a subset of the
/// letters Java, Spark and ICU use): <c>yyyy MM M MMM MMMM dd d HH H hh h mm ss S…SSSSSS a X XX XXX</c>,
/// literal text in single quotes (<c>'T'</c>, <c>''</c> for a quote), and any other character
/// that is not a letter as itself. Each dialect translates the tokens (DuckDB <c>strptime</c>,
/// Spark <c>to_timestamp</c>), and <see cref="Sql.CastPatterns"/> turns them into the regular
/// expression both engines check first, so the two engines accept exactly the same texts.
/// </summary>
public sealed record DateTimePattern(string Text, IReadOnlyList<PatternToken> Tokens)
{
    /// <summary>The word that stands for the default ISO-8601 reading inside a list of formats.</summary>
    public const string IsoName = "iso";

    /// <summary>The default ISO-8601 reading (no tokens; the dialects cast the text).</summary>
    public static DateTimePattern Iso { get; } = new(IsoName, []);

    public bool IsIso => Tokens.Count == 0;

    /// <summary>True when the pattern reads an offset, so its values are instants, not UTC wall times.</summary>
    public bool HasOffset => Tokens.Any(t => t.Field is PatternField.OffsetHours or PatternField.OffsetBasic or PatternField.OffsetExtended);

    public override string ToString() => Text;

    /// <summary>
    /// Parses <paramref name="text"/> for a column of kind <paramref name="target"/> (date or
    /// timestamp); null with the errors (0-based character index and message) when it is not one.
    /// </summary>
    internal static DateTimePattern? Parse(string text, ColumnKind target, List<(int Index, string Message)> errors)
    {
        if (text == IsoName)
        {
            return Iso;
        }

        var tokens = new List<PatternToken>();
        var literal = new StringBuilder();
        var errorsBefore = errors.Count;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\'')
            {
                var close = i + 1;
                var quoted = new StringBuilder();
                while (true)
                {
                    if (close >= text.Length)
                    {
                        errors.Add((i, "the quote that starts literal text is never closed; write '' for a quote"));
                        return null;
                    }

                    if (text[close] == '\'')
                    {
                        if (close + 1 < text.Length && text[close + 1] == '\'')
                        {
                            quoted.Append('\'');
                            close += 2;
                            continue;
                        }

                        break;
                    }

                    quoted.Append(text[close++]);
                }

                // '' outside a quoted text is one quote.
                literal.Append(close == i + 1 ? "'" : quoted.ToString());
                i = close + 1;
                continue;
            }

            if (!char.IsAsciiLetter(c))
            {
                if (char.IsLetter(c))
                {
                    errors.Add((i, $"`{c}` is a letter that is not a token; put literal letters in single quotes"));
                }

                literal.Append(c);
                i++;
                continue;
            }

            var run = 1;
            while (i + run < text.Length && text[i + run] == c)
            {
                run++;
            }

            if (Field(c, run) is { } field)
            {
                if (literal.Length > 0)
                {
                    tokens.Add(new PatternToken(PatternField.Literal, literal.ToString()));
                    literal.Clear();
                }

                tokens.Add(new PatternToken(field, text.Substring(i, run)));
            }
            else
            {
                errors.Add((i, Unsupported(c, run)));
            }

            i += run;
        }

        if (literal.Length > 0)
        {
            tokens.Add(new PatternToken(PatternField.Literal, literal.ToString()));
        }

        // A token that was not understood would make the combination checks report nonsense.
        if (errors.Count == errorsBefore)
        {
            CheckCombination(tokens, target, errors);
        }

        return errors.Count == errorsBefore ? new DateTimePattern(text, tokens) : null;
    }

    private static PatternField? Field(char letter, int run) => (letter, run) switch
    {
        ('y', 4) => PatternField.Year,
        ('M', 1) => PatternField.MonthShort,
        ('M', 2) => PatternField.Month,
        ('M', 3) => PatternField.MonthAbbreviation,
        ('M', 4) => PatternField.MonthName,
        ('d', 1) => PatternField.DayShort,
        ('d', 2) => PatternField.Day,
        ('H', 1) => PatternField.HourShort,
        ('H', 2) => PatternField.Hour,
        ('h', 1) => PatternField.ClockHourShort,
        ('h', 2) => PatternField.ClockHour,
        ('m', 2) => PatternField.Minute,
        ('s', 2) => PatternField.Second,
        ('S', >= 1 and <= 6) => PatternField.Fraction,
        ('a', 1) => PatternField.AmPm,
        ('X', 1) => PatternField.OffsetHours,
        ('X', 2) => PatternField.OffsetBasic,
        ('X', 3) => PatternField.OffsetExtended,
        _ => null,
    };

    private static string Unsupported(char letter, int run)
    {
        var token = new string(letter, run);
        return letter switch
        {
            'y' when run == 2 => "`yy` (a two-digit year) is not supported: the century would be a guess; use `yyyy`",
            'y' => $"`{token}` is not supported; a year is `yyyy` (four digits)",
            'S' => $"`{token}` is not supported; a fraction of a second is S to SSSSSS (at most microseconds)",
            _ => $"`{token}` is not a supported token; supported: yyyy, MM, M, MMM, MMMM, dd, d, HH, H, hh, h, mm, ss, S…SSSSSS, a, X, XX, XXX; put literal letters in single quotes",
        };
    }

    private static void CheckCombination(List<PatternToken> tokens, ColumnKind target, List<(int Index, string Message)> errors)
    {
        var fields = tokens.Select(t => t.Field).Where(f => f != PatternField.Literal).ToList();
        void Fail(string message) => errors.Add((0, message));

        if (!fields.Contains(PatternField.Year)
            || !fields.Any(f => f is PatternField.Month or PatternField.MonthShort or PatternField.MonthAbbreviation or PatternField.MonthName)
            || !fields.Any(f => f is PatternField.Day or PatternField.DayShort))
        {
            Fail("a format needs a year (yyyy), a month (MM, M, MMM or MMMM) and a day (dd or d)");
        }

        if (fields.GroupBy(Group).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            Fail($"a format reads each field once; it reads the {repeated.Key} twice");
        }

        if (target == ColumnKind.Date && fields.Any(f => Group(f) is not ("year" or "month" or "day")))
        {
            Fail("a date format reads only a year, a month and a day; cast to timestamp to read a time of day");
        }

        var clock = fields.Any(f => f is PatternField.ClockHour or PatternField.ClockHourShort);
        if (clock != fields.Contains(PatternField.AmPm))
        {
            Fail("a 12-hour clock needs both the hour (hh or h) and the AM/PM marker (a)");
        }

        if ((fields.Contains(PatternField.Second) && !fields.Contains(PatternField.Minute))
            || (fields.Contains(PatternField.Minute) && !fields.Any(f => Group(f) == "hour")))
        {
            Fail("minutes need an hour, and seconds need minutes");
        }

        if (fields.Contains(PatternField.Fraction) && !fields.Contains(PatternField.Second))
        {
            Fail("a fraction of a second (S…) needs seconds (ss)");
        }

        // A field of one or two digits right before another number could be split either way.
        for (var t = 0; t + 1 < tokens.Count; t++)
        {
            if (tokens[t].Field is PatternField.MonthShort or PatternField.DayShort or PatternField.HourShort or PatternField.ClockHourShort
                && IsNumeric(tokens[t + 1].Field))
            {
                Fail($"`{tokens[t].Text}` (one or two digits) must not be followed directly by another number; write `{tokens[t].Text}{tokens[t].Text}` or put a separator between");
            }
        }
    }

    private static bool IsNumeric(PatternField field) => field is PatternField.Year or PatternField.Month or PatternField.MonthShort
        or PatternField.Day or PatternField.DayShort or PatternField.Hour or PatternField.HourShort or PatternField.ClockHour
        or PatternField.ClockHourShort or PatternField.Minute or PatternField.Second or PatternField.Fraction;

    private static string Group(PatternField field) => field switch
    {
        PatternField.Year => "year",
        PatternField.Month or PatternField.MonthShort or PatternField.MonthAbbreviation or PatternField.MonthName => "month",
        PatternField.Day or PatternField.DayShort => "day",
        PatternField.Hour or PatternField.HourShort or PatternField.ClockHour or PatternField.ClockHourShort => "hour",
        PatternField.Minute => "minute",
        PatternField.Second => "second",
        PatternField.Fraction => "fraction",
        PatternField.AmPm => "AM/PM marker",
        PatternField.OffsetHours or PatternField.OffsetBasic or PatternField.OffsetExtended => "offset",
        PatternField.Literal => "literal",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown pattern field."),
    };
}
