using Medallion.Jobs.Sql;

namespace Medallion.Benchmarks;

/// <summary>
/// The benchmark's baseline, the script a user would write by hand: one DuckDB <c>COPY</c> of
/// the same typed, cleansed columns (trim, empty to null, decimal and timestamp casts) and the
/// same partition columns to partitioned Parquet. No rules, no quarantine, no lineage, no Delta
/// log; lines DuckDB cannot read are skipped (<c>ignore_errors</c>).
/// </summary>
internal static class BareDuckDbCopy
{
    /// <summary>The five columns of the generated files, all read as text.</summary>
    public const string TextColumns = "{'transaction_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'transaction_amount': 'VARCHAR', 'currency': 'VARCHAR', 'transaction_timestamp': 'VARCHAR'}";

    private static readonly DuckDbDialect Sql = DuckDbDialect.Instance;

    public static string Statement(IReadOnlyList<BenchmarkTable> tables, string outputDirectory)
    {
        var sources = tables.Select(table => table.Source switch
        {
            "ndjson" => $"SELECT * FROM read_json({Sql.StringLiteral(table.Glob)}, format = 'newline_delimited', columns = {TextColumns}, ignore_errors = true)",
            "parquet" => $"SELECT transaction_id, customer_id, transaction_amount, currency, transaction_timestamp FROM read_parquet({Sql.StringLiteral(table.Glob)})",
            _ => $"SELECT * FROM read_csv({Sql.StringLiteral(table.Glob)}, header = true, auto_detect = false, columns = {TextColumns}, ignore_errors = true)",
        });
        return Copy($"SELECT * FROM ({string.Join("\n    UNION ALL ", sources)})", outputDirectory);
    }

    /// <summary>
    /// The silver run's own baseline: the same cleansed, partitioned COPY from the bronze files
    /// Medallion's run just wrote (the rows that are not malformed), without rules, quarantine or
    /// a Delta log. It parses no CSV or JSON, like the silver run, and it is written as fast as
    /// silver is: year and month by epoch arithmetic instead of ICU's calendar, zstd level 1.
    /// </summary>
    public static string SilverStatement(string lakeDirectory, string outputDirectory) =>
        Copy(
            $"SELECT transaction_id, customer_id, transaction_amount, currency, transaction_timestamp " +
            $"FROM read_parquet({Sql.StringLiteral(Path.Combine(lakeDirectory, "bronze", "**", "*.parquet"))}, union_by_name = true) WHERE _malformed IS NULL",
            outputDirectory,
            "make_timestamp(epoch_us(transaction_timestamp))",
            ", COMPRESSION_LEVEL 1");

    private static string Copy(string rows, string outputDirectory, string instant = "transaction_timestamp", string level = "") =>
        "COPY (\n" +
        "  SELECT transaction_id, customer_id, transaction_amount, currency, transaction_timestamp,\n" +
        $"    CAST(date_part('year', {instant}) AS INTEGER) AS event_year, CAST(date_part('month', {instant}) AS INTEGER) AS event_month\n" +
        "  FROM (SELECT nullif(trim(transaction_id), '') AS transaction_id, nullif(trim(customer_id), '') AS customer_id,\n" +
        "      TRY_CAST(transaction_amount AS DECIMAL(18,2)) AS transaction_amount, nullif(trim(currency), '') AS currency,\n" +
        "      TRY_CAST(transaction_timestamp AS TIMESTAMPTZ) AS transaction_timestamp\n" +
        $"    FROM ({rows}))\n" +
        $") TO {Sql.StringLiteral(outputDirectory)} (FORMAT parquet, PARTITION_BY (event_year, event_month), COMPRESSION zstd{level})";
}
