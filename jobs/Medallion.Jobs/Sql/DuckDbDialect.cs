using System.Globalization;
using Medallion.Jobs.Config;
using Medallion.Jobs.Config.Casting;
using Medallion.Jobs.Config.Transforms;

namespace Medallion.Jobs.Sql;

/// <summary>DuckDB SQL, for the embedded engine. The session runs with <c>TimeZone = 'UTC'</c>.</summary>
public sealed class DuckDbDialect : ISqlDialect
{
    public static DuckDbDialect Instance { get; } = new();

    public string Name => "duckdb";

    public string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public string StringLiteral(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public string TypeName(ColumnType type) => type.Kind switch
    {
        ColumnKind.String => "VARCHAR",
        ColumnKind.Int => "INTEGER",
        ColumnKind.Long => "BIGINT",
        ColumnKind.Double => "DOUBLE",
        ColumnKind.Decimal => string.Create(CultureInfo.InvariantCulture, $"DECIMAL({type.Precision},{type.Scale})"),
        ColumnKind.Boolean => "BOOLEAN",
        ColumnKind.Date => "DATE",
        // Delta's `timestamp` is an instant; TIMESTAMPTZ writes Parquet INT64 micros adjusted to UTC.
        ColumnKind.Timestamp => "TIMESTAMPTZ",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type."),
    };

    public string TryCast(string expression, ColumnType type) => type.Kind == ColumnKind.String
        ? $"CAST({expression} AS VARCHAR)"
        : $"TRY_CAST({expression} AS {TypeName(type)})";

    public string ToText(string expression) => $"CAST({expression} AS VARCHAR)";

    /// <remarks>
    /// date_part on a TIMESTAMPTZ goes through ICU's calendar, about 15 times slower than the rest of
    /// a silver row's work. Epoch microseconds are UTC by definition, so the parts of the naive
    /// timestamp built from them are the UTC parts, computed by plain arithmetic (a DATE converts the same way).
    /// </remarks>
    public string DatePart(string expression, DatePart part) =>
        $"CAST(date_part('{part.ToString().ToLowerInvariant()}', make_timestamp(epoch_us({expression}))) AS INTEGER)";

    public string RegexMatches(string expression, string pattern) => $"regexp_matches({expression}, {StringLiteral(pattern)})";

    public string RegexRemove(string expression, string pattern) => $"regexp_replace({expression}, {StringLiteral(pattern)}, '')";

    /// <summary>One-argument <c>trim</c> strips every Unicode space separator; with the set given it strips only U+0020, as Spark's.</summary>
    public string TrimSpaces(string expression) => $"trim({expression}, ' ')";

    /// <remarks>
    /// <c>strptime</c> returns a TIMESTAMP (read as UTC, the session's zone) or, with <c>%z</c>, a
    /// TIMESTAMPTZ. <c>%z</c> does not read <c>Z</c>, so a final <c>Z</c> becomes <c>+00</c> first.
    /// </remarks>
    public string ParseDateTime(string text, DateTimePattern pattern, ColumnKind target)
    {
        var input = pattern.HasOffset ? $"regexp_replace({text}, 'Z$', '+00')" : text;
        var parsed = $"try_strptime({input}, {StringLiteral(StrptimeFormat(pattern))})";
        return target == ColumnKind.Date ? $"CAST({parsed} AS DATE)" : $"CAST({parsed} AS TIMESTAMPTZ)";
    }

    /// <summary>The pattern in <c>strptime</c> specifiers. Widths are checked by the regular expression, not here.</summary>
    internal static string StrptimeFormat(DateTimePattern pattern) => string.Concat(pattern.Tokens.Select(t => t.Field switch
    {
        PatternField.Literal => t.Text.Replace("%", "%%", StringComparison.Ordinal),
        PatternField.Year => "%Y",
        PatternField.Month or PatternField.MonthShort => "%m",
        PatternField.MonthAbbreviation => "%b",
        PatternField.MonthName => "%B",
        PatternField.Day or PatternField.DayShort => "%d",
        PatternField.Hour or PatternField.HourShort => "%H",
        PatternField.ClockHour or PatternField.ClockHourShort => "%I",
        PatternField.Minute => "%M",
        PatternField.Second => "%S",
        // %f reads one to six digits as a fraction of a second (".5" is half a second).
        PatternField.Fraction => "%f",
        PatternField.AmPm => "%p",
        PatternField.OffsetHours or PatternField.OffsetBasic or PatternField.OffsetExtended => "%z",
        _ => throw new ArgumentOutOfRangeException(nameof(pattern), t.Field, "Unknown pattern field."),
    }));

    public string ReplaceLiteral(string expression, string find, string with) =>
        $"replace({expression}, {StringLiteral(find)}, {StringLiteral(with)})";

    public string DecodeHtml(string expression)
    {
        // Named entities first, then numeric ones, and &amp; last so that "&amp;lt;" decodes
        // once to "&lt;" and not twice to "<".
        var named = expression;
        foreach (var (entity, text) in HtmlEntities.Named)
        {
            named = ReplaceLiteral(named, entity, text);
        }

        // Split on "&#" and decode the code point at the head of each later piece; a piece
        // that does not start with a valid code point keeps its "&#" untouched.
        var numeric =
            $"array_to_string(list_transform(string_split({named}, '&#'), (piece, i) -> CASE " +
            "WHEN i = 1 THEN piece " +
            "WHEN regexp_matches(piece, '^[0-9]{1,7};') AND " + HtmlEntities.DecodableCodePoint("TRY_CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER)") + " " +
            "THEN chr(CAST(regexp_extract(piece, '^([0-9]{1,7});', 1) AS INTEGER)) || regexp_replace(piece, '^[0-9]{1,7};', '') " +
            "WHEN regexp_matches(piece, '^[xX][0-9a-fA-F]{1,6};') AND " + HtmlEntities.DecodableCodePoint("TRY_CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER)") + " " +
            "THEN chr(CAST(('0x' || regexp_extract(piece, '^[xX]([0-9a-fA-F]{1,6});', 1)) AS INTEGER)) || regexp_replace(piece, '^[xX][0-9a-fA-F]{1,6};', '') " +
            "ELSE '&#' || piece END), '')";
        return ReplaceLiteral(numeric, "&amp;", "&");
    }

    public string Trim(string expression) => $"trim({expression})";

    public string Sha256Hex(string expression) => $"sha256({expression})";

    public string Length(string expression) => $"length({expression})";

    // strlen counts UTF-8 bytes; the 'g' flag removes every safe character, not the first.
    public string PathSegmentBytes(string text) => $"(strlen({text}) + 2 * strlen(regexp_replace({text}, '[A-Za-z0-9._-]', '', 'g')))";

    public string CompactStringArray(IReadOnlyList<string> elements) => elements.Count == 0
        ? "CAST([] AS VARCHAR[])"
        : $"list_filter([{string.Join(", ", elements)}], x -> x IS NOT NULL)";

    public string StringArray(IReadOnlyList<string> values) => values.Count == 0
        ? "CAST([] AS VARCHAR[])"
        : "[" + string.Join(", ", values.Select(StringLiteral)) + "]";

    public string TimestampLiteral(DateTimeOffset value) =>
        $"TIMESTAMPTZ '{value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)}+00'";

    public string DateLiteral(DateOnly value) => $"DATE '{value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'";
}
