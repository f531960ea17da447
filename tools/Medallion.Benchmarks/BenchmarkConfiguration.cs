using Medallion.Samples;

namespace Medallion.Benchmarks;

/// <summary>
/// The benchmark's <c>conf/</c>: one environment over the scratch lake, and the committed
/// <c>mortgage_transactions</c> table (every rule, cast and partition) once per generated format.
/// </summary>
internal static class BenchmarkConfiguration
{
    /// <summary>The table that reads <paramref name="format"/>'s file.</summary>
    public static string TableName(SampleFormat format) => format == SampleFormat.Ndjson ? "transactions_ndjson" : "transactions";

    public static void Write(string confDirectory, string rawRoot, string lakeRoot, string tempDirectory, IReadOnlyList<SampleFormat> formats, string memoryLimit, string aws = "")
    {
        Directory.CreateDirectory(Path.Combine(confDirectory, "datasets"));
        File.WriteAllText(Path.Combine(confDirectory, "medallion.yaml"), $"""
            default_environment: {BenchmarkWorkspace.Environment}
            environments:
              {BenchmarkWorkspace.Environment}:
                lake_root: '{lakeRoot}'
                raw_root: '{rawRoot}'
                engine: duckdb
                duckdb:
                  memory_limit: {memoryLimit}
                  temp_directory: '{tempDirectory}'{aws}

            """);
        File.WriteAllText(
            Path.Combine(confDirectory, "datasets", $"{BenchmarkWorkspace.Dataset}.yaml"),
            $"dataset: {BenchmarkWorkspace.Dataset}\ntables:\n" + string.Concat(formats.Select(Table)));
    }

    private static string Table(SampleFormat format)
    {
        var source = format == SampleFormat.Ndjson
            ? "      path: mortgage_transactions/*.ndjson\n      format: json\n"
            : "      path: mortgage_transactions/*.csv\n      format: csv\n";
        return $$"""
              - name: {{TableName(format)}}
                schema_version: v1
                source:
            {{source}}    columns:
                  - { name: transaction_id, type: string }
                  - { name: customer_id, type: string }
                  - { name: transaction_amount, type: string }
                  - { name: currency, type: string }
                  - { name: transaction_timestamp, type: string }
                primary_key: [transaction_id]
                partition_by: [event_year, event_month]
                # Every repetition reads the same raw files again, as a full reload would.
                ingestion: full
                transforms:
                  - trim: [transaction_id, customer_id, currency]
                  - empty_to_null: [transaction_id, customer_id, currency]
                  - cast:
                      transaction_amount: decimal(18,2)
                      transaction_timestamp: timestamp
                  - split_date: { column: transaction_timestamp, prefix: event, parts: [year, month] }
                rules:
                  - not_null: { column: transaction_id }
                  - accepted_values: { column: currency, values: [EUR, USD, GBP] }
                  - unique: { columns: [transaction_id] }

            """;
    }
}
