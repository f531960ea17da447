using Medallion.Jobs.Config;
using Medallion.Jobs.Config.Casting;
using Medallion.Jobs.Config.Transforms;

namespace Medallion.Jobs.Sql;

/// <summary>
/// The pieces of SQL that differ between engines. The renderers build every statement from
/// these, so a transform or rule written once runs on DuckDB and on Spark with the same result.
/// </summary>
internal interface ISqlDialect
{
    /// <summary>The dialect's name as <c>medallion plan</c> prints it.</summary>
    string Name { get; }

    /// <summary>Quotes an identifier so that no name can break out of it.</summary>
    string Identifier(string name);

    /// <summary>A string literal; the value is escaped, never trusted.</summary>
    string StringLiteral(string value);

    string TypeName(ColumnType type);

    /// <summary>A cast that yields null instead of failing.</summary>
    string TryCast(string expression, ColumnType type);

    /// <summary>Casts any value to text, for comparisons and the quarantine's original values.</summary>
    string ToText(string expression);

    /// <summary>The year, month or day of a date or timestamp (UTC), as an int.</summary>
    string DatePart(string expression, DatePart part);

    /// <summary>True when the pattern matches somewhere in the value.</summary>
    string RegexMatches(string expression, string pattern);

    /// <summary>Removes the first match of the pattern (callers anchor it, so there is one at most).</summary>
    string RegexRemove(string expression, string pattern);

    /// <summary>Strips U+0020 spaces, and only those, from both ends.</summary>
    string TrimSpaces(string expression);

    /// <summary>
    /// Reads <paramref name="text"/> (already checked against the pattern's regular expression and
    /// trimmed) with <paramref name="pattern"/> as a <paramref name="target"/> (date or timestamp,
    /// UTC when the pattern has no offset); null where the engine cannot (31 June).
    /// </summary>
    string ParseDateTime(string text, DateTimePattern pattern, ColumnKind target);

    /// <summary>Replaces every occurrence of a literal string (no pattern syntax).</summary>
    string ReplaceLiteral(string expression, string find, string with);

    /// <summary>Decodes named and numeric HTML entities.</summary>
    string DecodeHtml(string expression);

    string Trim(string expression);

    /// <summary>The SHA-256 of the text's UTF-8 bytes as 64 lowercase hex digits; null stays null.</summary>
    string Sha256Hex(string expression);

    /// <summary>Length in characters.</summary>
    string Length(string expression);

    /// <summary>
    /// The bytes <paramref name="text"/> takes as a percent-encoded path segment at most: one per
    /// byte of <c>[A-Za-z0-9._-]</c>, three per byte of anything else (how a partition value becomes
    /// a folder name).
    /// </summary>
    string PathSegmentBytes(string text);

    /// <summary>An array of the non-null values among <paramref name="elements"/>.</summary>
    string CompactStringArray(IReadOnlyList<string> elements);

    /// <summary>An array literal of strings.</summary>
    string StringArray(IReadOnlyList<string> values);

    /// <summary>A timestamp literal for a UTC instant.</summary>
    string TimestampLiteral(DateTimeOffset value);

    /// <summary>A date literal.</summary>
    string DateLiteral(DateOnly value);
}
