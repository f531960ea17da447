using System.Globalization;
using System.Text;
using Medallion.Jobs.Config;
using Medallion.Jobs.Config.Casting;
using Medallion.Jobs.Config.Transforms;

namespace Medallion.Jobs.Sql;

/// <summary>
/// Spark SQL (3.5), for the Spark job host. The session runs with
/// <c>spark.sql.session.timeZone = UTC</c> and the default <c>spark.sql.parser.escapedStringLiterals = false</c>,
/// so backslashes in string literals are escapes. Every function used is a built-in: no UDFs.
/// </summary>
internal sealed partial class SparkDialect : ISqlDialect
{
    public static SparkDialect Instance { get; } = new();

    public string Name => "spark";

    public string Identifier(string name) => "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";

    /// <summary>
    /// Spark's parser unescapes backslash sequences and reads <c>''</c> as two adjacent literals
    /// (<c>'it''s'</c> is <c>its</c>), so quotes and backslashes are escaped with a backslash.
    /// Control characters are written as escapes so that a statement stays one line per literal.
    /// </summary>
    public string StringLiteral(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => builder.Append(@"\\"),
                '\'' => builder.Append(@"\'"),
                '\n' => builder.Append(@"\n"),
                '\r' => builder.Append(@"\r"),
                '\t' => builder.Append(@"\t"),
                // \uXXXX is one of Spark's escapes; it covers every other control character.
                _ when char.IsControl(c) => builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => builder.Append(c),
            };
        }

        return builder.Append('\'').ToString();
    }

    public string TypeName(ColumnType type) => type.Kind switch
    {
        ColumnKind.String => "STRING",
        ColumnKind.Int => "INT",
        ColumnKind.Long => "BIGINT",
        ColumnKind.Double => "DOUBLE",
        ColumnKind.Decimal => string.Create(CultureInfo.InvariantCulture, $"DECIMAL({type.Precision},{type.Scale})"),
        ColumnKind.Boolean => "BOOLEAN",
        ColumnKind.Date => "DATE",
        // TIMESTAMP is TIMESTAMP_LTZ (an instant), which Delta stores as `timestamp`.
        ColumnKind.Timestamp => "TIMESTAMP",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type."),
    };

    public string TryCast(string expression, ColumnType type) => type.Kind == ColumnKind.String
        ? $"CAST({expression} AS STRING)"
        : $"try_cast({expression} AS {TypeName(type)})";

    public string ToText(string expression) => $"CAST({expression} AS STRING)";

    // With the session time zone UTC these are the UTC parts of a timestamp; they return INT.
    public string DatePart(string expression, DatePart part) => part switch
    {
        Config.Transforms.DatePart.Year => $"year({expression})",
        Config.Transforms.DatePart.Month => $"month({expression})",
        Config.Transforms.DatePart.Day => $"dayofmonth({expression})",
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, "Unknown date part."),
    };

    /// <summary><c>RLIKE</c> is Java's <c>Matcher.find</c>: a match anywhere, like DuckDB's <c>regexp_matches</c>.</summary>
    public string RegexMatches(string expression, string pattern) => $"({expression} RLIKE {StringLiteral(pattern)})";

    /// <summary>The pattern is anchored at the end, so Spark's replace-every-match removes the one match, as DuckDB's replace-first.</summary>
    public string RegexRemove(string expression, string pattern) => $"regexp_replace({expression}, {StringLiteral(pattern)}, '')";

    /// <summary>Spark's one-argument <c>trim</c> strips only U+0020.</summary>
    public string TrimSpaces(string expression) => $"trim({expression})";

    /// <remarks>
    /// <c>try_to_timestamp</c> gives null (never an error, even under ANSI mode) where the text does not
    /// parse; the session's <c>timeParserPolicy = CORRECTED</c> keeps Spark from failing the job over
    /// texts its legacy parser would read differently. Without an offset the time is read in the
    /// session zone, UTC; a date is the UTC date of that midnight.
    /// </remarks>
    public string ParseDateTime(string text, DateTimePattern pattern, ColumnKind target)
    {
        var parsed = $"try_to_timestamp({text}, {StringLiteral(DateTimeFormat(pattern))})";
        return target == ColumnKind.Date ? $"CAST({parsed} AS DATE)" : parsed;
    }

    /// <summary>The pattern in Spark's datetime pattern letters; literal text is always quoted, so no symbol is read as a letter.</summary>
    internal static string DateTimeFormat(DateTimePattern pattern) => string.Concat(pattern.Tokens.Select(t => t.Field switch
    {
        PatternField.Literal => "'" + t.Text.Replace("'", "''", StringComparison.Ordinal) + "'",
        _ => t.Text,
    }));

    /// <summary>Spark's <c>replace</c> is literal (no pattern syntax), like DuckDB's.</summary>
    public string ReplaceLiteral(string expression, string find, string with) =>
        $"replace({expression}, {StringLiteral(find)}, {StringLiteral(with)})";

    /// <summary>
    /// Spark's one-argument <c>trim</c> strips only U+0020; DuckDB's strips the Unicode space
    /// separators (category Zs: the space, no-break space, U+2000…) but not tabs or line breaks,
    /// so the same set is removed here with a Java regex.
    /// </summary>
    public string Trim(string expression) => $"regexp_replace({expression}, {StringLiteral(@"^\p{Zs}+|\p{Zs}+\z")}, '')";

    /// <summary>A string argument is cast to its UTF-8 bytes; the result is lowercase hex, as DuckDB's <c>sha256</c>.</summary>
    public string Sha256Hex(string expression) => $"sha2({expression}, 256)";

    /// <summary>Characters (code points), as DuckDB's <c>length</c>.</summary>
    public string Length(string expression) => $"char_length({expression})";

    // octet_length counts UTF-8 bytes; Spark's regexp_replace replaces every match.
    public string PathSegmentBytes(string text) => $"(octet_length({text}) + 2 * octet_length(regexp_replace({text}, '[A-Za-z0-9._-]', '')))";

    public string CompactStringArray(IReadOnlyList<string> elements) => elements.Count == 0
        ? EmptyStringArray
        : $"filter(array({string.Join(", ", elements)}), __rule -> __rule IS NOT NULL)";

    public string StringArray(IReadOnlyList<string> values) => values.Count == 0
        ? EmptyStringArray
        : "array(" + string.Join(", ", values.Select(StringLiteral)) + ")";

    public string TimestampLiteral(DateTimeOffset value) =>
        $"TIMESTAMP '{value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)}Z'";

    public string DateLiteral(DateOnly value) => $"DATE '{value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'";

    /// <summary><c>array()</c> has element type NULL since Spark 3.0; the cast gives it the type of the other branch.</summary>
    private const string EmptyStringArray = "CAST(array() AS ARRAY<STRING>)";
}
