using Medallion.Samples;
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
    private const string Columns = "{'transaction_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'transaction_amount': 'VARCHAR', 'currency': 'VARCHAR', 'transaction_timestamp': 'VARCHAR'}";

    public static string Statement(string inputDirectory, IReadOnlyList<SampleFormat> formats, string outputDirectory)
    {
        var sql = DuckDbDialect.Instance;
        var sources = formats.Select(format => format == SampleFormat.Ndjson
            ? $"SELECT * FROM read_json({sql.StringLiteral(Path.Combine(inputDirectory, "*.ndjson"))}, format = 'newline_delimited', columns = {Columns}, ignore_errors = true)"
            : $"SELECT * FROM read_csv({sql.StringLiteral(Path.Combine(inputDirectory, "*.csv"))}, header = true, auto_detect = false, columns = {Columns}, ignore_errors = true)");
        return "COPY (\n" +
            "  SELECT transaction_id, customer_id, transaction_amount, currency, transaction_timestamp,\n" +
            "    CAST(date_part('year', transaction_timestamp) AS INTEGER) AS event_year, CAST(date_part('month', transaction_timestamp) AS INTEGER) AS event_month\n" +
            "  FROM (SELECT nullif(trim(transaction_id), '') AS transaction_id, nullif(trim(customer_id), '') AS customer_id,\n" +
            "      TRY_CAST(transaction_amount AS DECIMAL(18,2)) AS transaction_amount, nullif(trim(currency), '') AS currency,\n" +
            "      TRY_CAST(transaction_timestamp AS TIMESTAMPTZ) AS transaction_timestamp\n" +
            $"    FROM ({string.Join("\n    UNION ALL ", sources)}))\n" +
            $") TO {sql.StringLiteral(outputDirectory)} (FORMAT parquet, PARTITION_BY (event_year, event_month), COMPRESSION zstd)";
    }
}
