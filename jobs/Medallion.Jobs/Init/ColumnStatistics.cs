namespace Medallion.Jobs.Init;

/// <summary>What DuckDB measured of one sampled column's text values (nulls excluded from every test).</summary>
internal sealed record ColumnStatistics(
    long Rows,
    long NonNull,
    long Distinct,
    bool AllBoolean,
    bool AllInt,
    bool AllLong,
    bool AllPlainDecimal,
    int MaxScale,
    int MaxIntegerDigits,
    bool AllDouble,
    bool AllDigits,
    bool AllIsoDate,
    bool AllIsoTimestamp,
    bool AnyOffset,
    string? Example,
    IReadOnlyList<string> DateFormats,
    IReadOnlyList<string> TimestampFormats)
{
    public long Nulls => Rows - NonNull;

    public bool UniqueAndNeverNull => Rows > 1 && NonNull == Rows && Distinct == Rows;
}
