using Medallion.Jobs.Config;
using Medallion.Jobs.Plan;
using Medallion.Jobs.Sql;

namespace Medallion.Jobs.Engine.Spark;

/// <summary>
/// Spark's bronze typing, the counterpart of the embedded engine's <c>BronzeRowsView</c>: each
/// declared column cast to its type, a value that does not cast (or a record Spark could not
/// parse) marked malformed with its original text kept, and the lineage columns added.
/// </summary>
public static class SparkBronzeSql
{
    /// <summary>The view the job host registers over the reader's DataFrame.</summary>
    public const string RawView = "raw_records";

    /// <summary>The typed rows; the job host caches them, counts them and writes them.</summary>
    public const string RowsView = "bronze_rows";

    private static readonly SparkDialect Sql = SparkDialect.Instance;

    /// <param name="rawRoot">The raw root (a path or URI); <c>_source_file</c> is written relative to it.</param>
    public static string CreateRowsView(TableSpec table, RunContext run, string rawRoot)
    {
        var fields = table.Columns.Select((c, i) => $"CAST({SparkReaderSchema.FieldReference(c)} AS STRING) AS {BronzeTyping.Field(i)}");
        var corrupt = table.Source.Format == SourceFormat.Parquet ? "CAST(NULL AS STRING)" : Sql.Identifier(SparkRawRead.CorruptColumn);
        var unreadable = Sql.StringLiteral($"not a valid {table.Source.Format.ToString().ToUpperInvariant()} record (Spark could not parse it)");

        var typed = BronzeTyping.TypedColumns(table, Sql);
        var castError = BronzeTyping.CastError(table, Sql);
        // to_json leaves null fields out unless told otherwise; DuckDB's to_json keeps them.
        var rawObject = "to_json(named_struct(" + string.Join(", ", table.Columns.Select((c, i) => $"{Sql.StringLiteral(c.Name)}, __f_{i}")) +
            "), map('ignoreNullFields', 'false'))";
        var marker = SourceFileMarker(rawRoot);

        return $"CREATE OR REPLACE TEMPORARY VIEW {RowsView} AS\n" +
            // input_file_name() and the scan order are taken right above the scan, where they are defined.
            $"WITH scanned AS (\n  SELECT {string.Join(", ", fields)},\n" +
            $"    CASE WHEN {corrupt} IS NOT NULL THEN {unreadable} END AS __malformed, {corrupt} AS __raw,\n" +
            $"    input_file_name() AS __file, monotonically_increasing_id() AS __scan\n  FROM {RawView}\n),\n" +
            // Record numbers follow files in name order, then records in scan order, without
            // moving every row to one partition: a row number per file plus the rows of earlier files.
            "file_offsets AS (\n  SELECT __file, coalesce(sum(count(*)) OVER (ORDER BY __file ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS __offset\n" +
            "  FROM scanned GROUP BY __file\n),\n" +
            "numbered AS (\n  SELECT s.*, CAST(o.__offset + row_number() OVER (PARTITION BY s.__file ORDER BY s.__scan) AS BIGINT) AS __record\n" +
            "  FROM scanned s JOIN file_offsets o ON s.__file = o.__file\n)\n" +
            $"SELECT {string.Join(", ", typed)},\n" +
            $"  coalesce(__malformed, {castError}) AS {LineageColumns.Malformed},\n" +
            $"  CASE WHEN __malformed IS NOT NULL THEN __raw WHEN {castError} IS NOT NULL THEN {rawObject} END AS {LineageColumns.Raw},\n" +
            $"  {Sql.StringLiteral(run.RunKey)} AS {LineageColumns.RunKey},\n" +
            $"  CASE WHEN instr(__file, {Sql.StringLiteral(marker)}) > 0 THEN substr(__file, instr(__file, {Sql.StringLiteral(marker)}) + {marker.Length}) ELSE __file END AS {LineageColumns.SourceFile},\n" +
            $"  {Sql.TimestampLiteral(run.StartedAt)} AS {LineageColumns.IngestedAt},\n" +
            $"  __record AS {LineageColumns.RecordNumber},\n" +
            $"  {Sql.DateLiteral(DateOnly.FromDateTime(run.StartedAt.UtcDateTime))} AS {LineageColumns.IngestDate}\n" +
            "FROM numbered";
    }

    /// <summary>Materializes the typed rows once, so the counts and the write see the same rows.</summary>
    public static string CacheRows() => $"CACHE TABLE {RowsView}";

    public static string UncacheRows() => $"UNCACHE TABLE IF EXISTS {RowsView}";

    /// <summary>The read and malformed counts of the typed rows, one row: <c>rows_read, malformed</c>.</summary>
    public static string Counts() => $"SELECT count(*) AS rows_read, count({LineageColumns.Malformed}) AS malformed FROM {RowsView}";

    /// <summary>
    /// The raw root as it appears inside <c>input_file_name()</c>, which is a URI
    /// (<c>file:///data/raw/…</c>, <c>s3://bucket/prefix/…</c>): the path without its scheme, ending in '/'.
    /// </summary>
    public static string SourceFileMarker(string rawRoot)
    {
        var path = rawRoot.Replace('\\', '/').TrimEnd('/');
        var scheme = path.IndexOf("://", StringComparison.Ordinal);
        return (scheme > 0 ? path[(scheme + 1)..] : path) + "/";
    }
}
