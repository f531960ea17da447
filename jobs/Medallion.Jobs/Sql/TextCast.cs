using System.Globalization;
using Medallion.Jobs.Config;
using Medallion.Jobs.Config.Casting;

namespace Medallion.Jobs.Sql;

/// <summary>
/// Text to a typed value, the same on every engine: a regular expression (<see cref="CastPatterns"/>)
/// decides whether the text is a value of the type, and only then does the engine convert it, so
/// engine leniencies (DuckDB reads <c>12.5</c> as the int 13, <c>0x1F</c> as 31, <c>1_000</c> as
/// 1000; both read <c>98-06-12</c> as year 98) never decide. The result is null where the text
/// does not cast; the callers turn that into a cast failure. Used by bronze typing and <c>cast</c>.
/// </summary>
internal static class TextCast
{
    /// <summary>The largest finite double; a literal beyond it reads as infinity in both engines.</summary>
    private const string MaxDouble = "1.7976931348623157E308";

    public static string Render(ISqlDialect sql, string text, ColumnType type, CastOptions options) => type.Kind switch
    {
        ColumnKind.String => sql.TryCast(text, type),
        ColumnKind.Int or ColumnKind.Long => When(sql, text, CastPatterns.Integer(options.ThousandsSeparator), sql.TryCast(WithoutSeparator(sql, text, options), type)),
        ColumnKind.Decimal => Decimal(sql, text, type, options),
        ColumnKind.Double => When(sql, text, CastPatterns.Double, sql.TryCast(text, type), also: $"abs({sql.TryCast(text, type)}) <= {MaxDouble}"),
        ColumnKind.Boolean => Boolean(sql, text, options),
        ColumnKind.Date or ColumnKind.Timestamp => DateTime(sql, text, type, options),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type."),
    };

    private static string Decimal(ISqlDialect sql, string text, ColumnType type, CastOptions options)
    {
        var digits = WithoutSeparator(sql, text, options);
        var pattern = CastPatterns.Decimal(type.Scale, options.ThousandsSeparator, options.Rounding != DecimalRounding.Fail);
        // Both engines round a longer fraction half away from zero when they cast text to a decimal.
        var cast = sql.TryCast(digits, type);
        if (options.Rounding != DecimalRounding.HalfEven)
        {
            return When(sql, text, pattern, cast);
        }

        var tie = sql.RegexMatches(digits, CastPatterns.HalfEvenTie(type.Scale));
        var kept = sql.TryCast(sql.RegexRemove(digits, CastPatterns.HalfEvenTail(type.Scale)), type);
        return When(sql, text, pattern, $"CASE WHEN {tie} THEN {kept} ELSE {cast} END");
    }

    private static string Boolean(ISqlDialect sql, string text, CastOptions options)
    {
        var word = $"lower({sql.TrimSpaces(text)})";
        string Words(IReadOnlyList<string> words) => string.Join(", ", words.Select(w => sql.StringLiteral(w.ToLowerInvariant())));
        return $"CASE WHEN {word} IN ({Words(options.TrueWordsOrDefault)}) THEN true WHEN {word} IN ({Words(options.FalseWordsOrDefault)}) THEN false END";
    }

    private static string DateTime(ISqlDialect sql, string text, ColumnType type, CastOptions options)
    {
        var readings = options.FormatsOrIso.Select(format => format.IsIso ? Iso(sql, text, type) : Formatted(sql, text, type, format)).ToList();
        return readings.Count == 1 ? readings[0] : $"coalesce({string.Join(", ", readings)})";
    }

    private static string Iso(ISqlDialect sql, string text, ColumnType type)
    {
        if (type.Kind == ColumnKind.Date)
        {
            return When(sql, text, CastPatterns.IsoDate, sql.TryCast(text, type));
        }

        var trimmed = sql.TrimSpaces(text);
        var length = CastPatterns.IsoMinutesLength.ToString(CultureInfo.InvariantCulture);
        var withSeconds = $"substr({trimmed}, 1, {length}) || ':00' || substr({trimmed}, {CastPatterns.IsoMinutesLength + 1})";
        return $"CASE WHEN {sql.RegexMatches(text, CastPatterns.IsoTimestamp)} THEN {sql.TryCast(text, type)} " +
               $"WHEN {sql.RegexMatches(text, CastPatterns.IsoTimestampWithoutSeconds)} THEN {sql.TryCast(withSeconds, type)} END";
    }

    private static string Formatted(ISqlDialect sql, string text, ColumnType type, DateTimePattern format) =>
        When(sql, text, CastPatterns.Of(format), sql.ParseDateTime(sql.TrimSpaces(text), format, type.Kind));

    private static string WithoutSeparator(ISqlDialect sql, string text, CastOptions options) =>
        options.ThousandsSeparator is { } separator ? sql.ReplaceLiteral(text, separator.ToString(), "") : text;

    /// <summary><paramref name="value"/> where the text matches <paramref name="pattern"/> (and <paramref name="also"/> holds), else null.</summary>
    private static string When(ISqlDialect sql, string text, string pattern, string value, string? also = null) =>
        $"CASE WHEN {sql.RegexMatches(text, pattern)}{(also is null ? "" : $" AND {also}")} THEN {value} END";
}
