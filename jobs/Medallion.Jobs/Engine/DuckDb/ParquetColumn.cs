using System.Globalization;
using System.Text.RegularExpressions;
using Medallion.Jobs.Config;
using Medallion.Jobs.Config.Casting;
using Medallion.Jobs.Sql;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>
/// One declared column of a Parquet source, read from the type DuckDB gives it across the files
/// (<paramref name="FileType"/>, as <c>DESCRIBE</c> names it): taken as it is when the types are
/// equal, converted once otherwise (<see cref="ParquetConversion"/>). A value is never rounded or
/// reinterpreted on the way: a conversion that could round is checked by converting back.
/// </summary>
/// <param name="Index">The column's position: the scan selects it as <c>__f_{Index}</c>.</param>
internal sealed partial record ParquetColumn(ColumnSpec Column, int Index, string FileType)
{
    private static readonly DuckDbDialect Sql = DuckDbDialect.Instance;

    /// <summary>Integer types: the decimal digits of their largest value, and whether an <c>int</c> (signed 32 bits) holds every value.</summary>
    private static readonly Dictionary<string, (int Digits, bool Fits32)> Integers = new(StringComparer.Ordinal)
    {
        ["TINYINT"] = (3, true),
        ["UTINYINT"] = (3, true),
        ["SMALLINT"] = (5, true),
        ["USMALLINT"] = (5, true),
        ["INTEGER"] = (10, true),
        ["UINTEGER"] = (10, false),
        ["BIGINT"] = (19, false),
        ["UBIGINT"] = (20, false),
        ["HUGEINT"] = (39, false),
        ["UHUGEINT"] = (39, false),
    };

    /// <summary>The scan's name for the value: <c>__f_0</c>, <c>__f_1</c>, …</summary>
    public string Field => BronzeTyping.Field(Index);

    public ParquetConversion Conversion { get; } = Decide(Normal(FileType), Column.Type, Column.Cast);

    /// <summary>What the scan selects from <paramref name="reference"/>: the value, or its text for a <see cref="ParquetConversion.Text"/> read.</summary>
    public string Select(string reference) =>
        Conversion == ParquetConversion.Text && Normal(FileType) != "VARCHAR" ? $"{Sql.ToText(reference)} AS {Field}" : $"{reference} AS {Field}";

    /// <summary>The declared column's value (null where it does not convert, as for text).</summary>
    public string Value => Conversion switch
    {
        ParquetConversion.Same => Field,
        ParquetConversion.Widened => Finish(Step),
        // Converted back, the value must be the one the file holds: 1.005 (a DOUBLE) to
        // decimal(18,2) gives 1.00 or 1.01, neither of which is 1.005 again.
        ParquetConversion.Checked => $"CASE WHEN CAST({Step} AS {FileType}) = {Field} THEN {Finish(Step)} END",
        ParquetConversion.Text => TextCast.Render(Sql, Field, Column.Type, Column.Cast),
        _ => throw new InvalidOperationException($"Unknown conversion {Conversion}."),
    };

    /// <summary>Why the value is a cast failure (a VARCHAR expression), or null when it cannot be one.</summary>
    public string? Failure
    {
        get
        {
            var prefix = Sql.StringLiteral($"column `{Column.Name}` does not cast to {Column.Type}: ");
            return Conversion switch
            {
                ParquetConversion.Same or ParquetConversion.Widened => null,
                ParquetConversion.Checked =>
                    $"CASE WHEN {Field} IS NOT NULL AND {Value} IS NULL THEN " +
                    $"{prefix} || {Sql.ToText(Field)} || {Sql.StringLiteral($" (a {FileType} in the file, not exactly a {Column.Type})")} END",
                ParquetConversion.Text when Column.Type.Kind == ColumnKind.String => null,
                ParquetConversion.Text => $"CASE WHEN {Field} IS NOT NULL AND {Value} IS NULL THEN {prefix} || {Field} END",
                _ => throw new InvalidOperationException($"Unknown conversion {Conversion}."),
            };
        }
    }

    private bool ToTimestamp => Column.Type.Kind == ColumnKind.Timestamp;

    /// <summary>
    /// The one conversion a widened or checked read makes. A timestamp goes through the zone-less
    /// TIMESTAMP (microseconds), whose wall time is read as UTC (as a timestamp without an offset
    /// is in text, and as Spark's INT96 means it), without the session's time zone.
    /// </summary>
    private string Step => ToTimestamp
        ? $"TRY_CAST({Field} AS TIMESTAMP)"
        : $"TRY_CAST({Field} AS {Sql.TypeName(Column.Type)})";

    private string Finish(string step) => ToTimestamp ? $"timezone('UTC', {step})" : step;

    /// <summary>DuckDB's spelling of a type as the declared types are written (<c>TIMESTAMP WITH TIME ZONE</c> is <c>TIMESTAMPTZ</c>).</summary>
    private static string Normal(string fileType) => fileType.Trim().ToUpperInvariant() switch
    {
        "TIMESTAMP WITH TIME ZONE" => "TIMESTAMPTZ",
        var other => other,
    };

    private static ParquetConversion Decide(string file, ColumnType declared, CastOptions cast)
    {
        if (file == Sql.TypeName(declared))
        {
            return ParquetConversion.Same;
        }

        var number = Integers.ContainsKey(file) || file is "FLOAT" or "DOUBLE" || Decimal(file) is not null;
        return declared.Kind switch
        {
            ColumnKind.Int or ColumnKind.Long or ColumnKind.Double when number =>
                Widens(file, declared) ? ParquetConversion.Widened : ParquetConversion.Checked,
            // A declared rounding (round: half_up or half_even) is a rule about text: it keeps it.
            ColumnKind.Decimal when number =>
                Widens(file, declared) ? ParquetConversion.Widened : cast.Rounding == DecimalRounding.Fail ? ParquetConversion.Checked : ParquetConversion.Text,
            ColumnKind.Timestamp when file is "TIMESTAMP" or "TIMESTAMP_MS" or "TIMESTAMP_S" or "DATE" => ParquetConversion.Widened,
            ColumnKind.Timestamp when file is "TIMESTAMP_NS" => ParquetConversion.Checked,
            ColumnKind.String or ColumnKind.Int or ColumnKind.Long or ColumnKind.Double or ColumnKind.Decimal
                or ColumnKind.Boolean or ColumnKind.Date or ColumnKind.Timestamp => ParquetConversion.Text,
            _ => throw new ArgumentOutOfRangeException(nameof(declared), declared, "Unknown column type."),
        };
    }

    /// <summary>Whether every value of <paramref name="file"/> is exactly a value of <paramref name="declared"/>.</summary>
    private static bool Widens(string file, ColumnType declared)
    {
        var integer = Integers.TryGetValue(file, out var found) ? found : ((int Digits, bool Fits32)?)null;
        return declared.Kind switch
        {
            ColumnKind.Int => integer is { Fits32: true },
            ColumnKind.Long => integer is { Fits32: true } || file == "UINTEGER",
            // A double holds every integer up to 2^53, so every 32-bit one, and every float exactly.
            ColumnKind.Double => integer is { Fits32: true } || file is "UINTEGER" or "FLOAT",
            ColumnKind.Decimal when integer is { } whole => whole.Digits <= declared.Precision - declared.Scale,
            ColumnKind.Decimal when Decimal(file) is { } from => from.Scale <= declared.Scale && from.Precision - from.Scale <= declared.Precision - declared.Scale,
            ColumnKind.String or ColumnKind.Int or ColumnKind.Long or ColumnKind.Double or ColumnKind.Decimal
                or ColumnKind.Boolean or ColumnKind.Date or ColumnKind.Timestamp => false,
            _ => throw new ArgumentOutOfRangeException(nameof(declared), declared, "Unknown column type."),
        };
    }

    private static (int Precision, int Scale)? Decimal(string file)
    {
        var match = DecimalType().Match(file);
        return match.Success
            ? (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
            : null;
    }

    [GeneratedRegex(@"^DECIMAL\((\d+),(\d+)\)$")]
    private static partial Regex DecimalType();
}
