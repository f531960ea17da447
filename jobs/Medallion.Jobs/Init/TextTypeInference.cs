using System.Globalization;
using Medallion.Jobs.Config;
using Medallion.Jobs.Engine.DuckDb;

namespace Medallion.Jobs.Init;

/// <summary>
/// Measures a sampled column in DuckDB and picks the narrowest column type every non-null value
/// casts to exactly, in the order boolean, int, long, decimal, double, date, timestamp, string.
/// "Exactly" means the value reads back as written: <c>01</c> is not the int 1 (a zip code keeps its
/// zero), and a date is ISO <c>yyyy-MM-dd</c>, which is what bronze's cast reads.
/// </summary>
internal static class TextTypeInference
{
    /// <summary>Non-ISO layouts tried with <c>try_strptime</c>; a column they all read is declared with the <c>format:</c> of <see cref="Portable"/>.</summary>
    private static readonly string[] DateLayouts = ["%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y", "%Y/%m/%d", "%d-%m-%Y", "%m-%d-%Y"];

    private static readonly string[] TimestampLayouts =
        ["%d/%m/%Y %H:%M:%S", "%m/%d/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%m/%d/%Y %H:%M", "%Y/%m/%d %H:%M:%S", "%d.%m.%Y %H:%M:%S"];

    // No leading zeros (01 is text), optional sign, optional fraction: what DECIMAL reads back unchanged.
    private const string PlainDecimal = "-?(0|[1-9][0-9]*)(\\.[0-9]+)?";
    private const string Number = "-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?";
    private const string IsoDate = "[0-9]{4}-[0-9]{2}-[0-9]{2}";
    private const string IsoTimestamp = "[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?";

    public static ColumnStatistics Measure(DuckDbSession session, string column, CancellationToken cancellationToken)
    {
        var layouts = DateLayouts.Concat(TimestampLayouts).ToList();
        var sql =
            "SELECT count(*), count(v), count(DISTINCT v), " +
            $"{All("lower(v) IN ('true', 'false')")}, " +
            $"{All("CAST(TRY_CAST(v AS INTEGER) AS VARCHAR) = v")}, " +
            $"{All("CAST(TRY_CAST(v AS BIGINT) AS VARCHAR) = v")}, " +
            $"{All($"regexp_full_match(v, '{PlainDecimal}')")}, " +
            "coalesce(max(CASE WHEN contains(v, '.') THEN length(split_part(v, '.', 2)) ELSE 0 END), 0), " +
            "coalesce(max(length(replace(split_part(v, '.', 1), '-', ''))), 0), " +
            $"{All($"regexp_full_match(v, '{Number}') AND isfinite(TRY_CAST(v AS DOUBLE))")}, " +
            $"{All("regexp_full_match(v, '[0-9]+')")}, " +
            $"{All($"regexp_full_match(v, '{IsoDate}') AND TRY_CAST(v AS DATE) IS NOT NULL")}, " +
            $"{All($"regexp_full_match(v, '{IsoTimestamp}') AND TRY_CAST(v AS TIMESTAMPTZ) IS NOT NULL")}, " +
            "coalesce(bool_or(regexp_matches(v, '[T ][0-9:.]+(Z|[+-][0-9]{2}(:?[0-9]{2})?)$')), false), " +
            "min(v), " +
            string.Join(", ", layouts.Select(l => All($"try_strptime(v, '{l}') IS NOT NULL"))) +
            $" FROM (SELECT {column} AS v FROM {SampleTable.Table})";
        return session.Query(sql, r =>
        {
            var matching = layouts.Where((_, i) => r.GetBoolean(15 + i)).ToList();
            return new ColumnStatistics(
                Rows: Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture),
                NonNull: Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture),
                Distinct: Convert.ToInt64(r.GetValue(2), CultureInfo.InvariantCulture),
                AllBoolean: r.GetBoolean(3),
                AllInt: r.GetBoolean(4),
                AllLong: r.GetBoolean(5),
                AllPlainDecimal: r.GetBoolean(6),
                MaxScale: Convert.ToInt32(r.GetValue(7), CultureInfo.InvariantCulture),
                MaxIntegerDigits: Convert.ToInt32(r.GetValue(8), CultureInfo.InvariantCulture),
                AllDouble: r.GetBoolean(9),
                AllDigits: r.GetBoolean(10),
                AllIsoDate: r.GetBoolean(11),
                AllIsoTimestamp: r.GetBoolean(12),
                AnyOffset: r.GetBoolean(13),
                Example: r.IsDBNull(14) ? null : r.GetString(14),
                DateFormats: matching.Where(DateLayouts.Contains).ToList(),
                TimestampFormats: matching.Where(TimestampLayouts.Contains).ToList());
        }, cancellationToken)[0];
    }

    /// <summary>The type for a column of text values, and what to say about it.</summary>
    /// <returns>The type, a note for the YAML comment, and the <c>format:</c> pattern a non-ISO date or timestamp needs.</returns>
    public static (ColumnType Type, string? Note, string? Format) Choose(ColumnStatistics s)
    {
        if (s.NonNull == 0)
        {
            return (ColumnType.String, "always null in the sample: string is a guess", null);
        }

        if (s.AllBoolean)
        {
            return (ColumnType.Boolean, null, null);
        }

        if (s.AllInt)
        {
            return (ColumnType.Int, null, null);
        }

        if (s.AllLong)
        {
            return (ColumnType.Long, null, null);
        }

        // Money and measures keep their exact digits as decimals; the precision leaves room past the sample.
        var precision = Math.Max(18, s.MaxIntegerDigits + s.MaxScale);
        if (s.AllPlainDecimal && precision <= 38)
        {
            return (ColumnType.Decimal(precision, s.MaxScale), s.MaxScale > 0 ? $"at most {s.MaxScale} digit(s) after the point in the sample" : "whole numbers too large for long", null);
        }

        if (s.AllDouble)
        {
            return (ColumnType.Double, null, null);
        }

        if (s.AllIsoDate)
        {
            return (ColumnType.Date, $"ISO dates, e.g. {s.Example}", null);
        }

        if (s.AllIsoTimestamp)
        {
            var zone = s.AnyOffset ? "with a UTC offset" : "without offset, read as UTC";
            return (ColumnType.Timestamp, $"ISO 8601 timestamps {zone}, e.g. {s.Example}", null);
        }

        if (s.DateFormats.Count > 0 || s.TimestampFormats.Count > 0)
        {
            var (type, formats) = s.DateFormats.Count > 0 ? (ColumnType.Date, s.DateFormats) : (ColumnType.Timestamp, s.TimestampFormats);
            var also = formats.Count > 1 ? $" (or {string.Join(", ", formats.Skip(1).Select(Portable))}: the sample does not tell them apart)" : "";
            return (type, $"written as {Portable(formats[0])}{also}, e.g. {s.Example}", Portable(formats[0]));
        }

        return s.AllDigits ? (ColumnType.String, $"digits with leading zeros (e.g. {s.Example}): kept as text", null) : (ColumnType.String, null, null);
    }

    /// <summary>
    /// A strptime layout of <see cref="DateLayouts"/>/<see cref="TimestampLayouts"/> in Medallion's
    /// portable pattern language (docs/types.md). Day, month and hour take one or two digits, as
    /// strptime's <c>%d</c>, <c>%m</c> and <c>%H</c> do.
    /// </summary>
    private static string Portable(string layout) => layout
        .Replace("%d", "d", StringComparison.Ordinal)
        .Replace("%m", "M", StringComparison.Ordinal)
        .Replace("%Y", "yyyy", StringComparison.Ordinal)
        .Replace("%H", "H", StringComparison.Ordinal)
        .Replace("%M", "mm", StringComparison.Ordinal)
        .Replace("%S", "ss", StringComparison.Ordinal);

    private static string All(string condition) =>
        $"coalesce(bool_and(coalesce({condition}, false)) FILTER (WHERE v IS NOT NULL), false)";
}
