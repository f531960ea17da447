namespace Medallion.Benchmarks;

/// <summary>
/// The benchmark's <c>conf/</c>: one environment over the scratch lake, and the committed
/// <c>mortgage_transactions</c> table (every rule, cast and partition) once per generated source format (csv, ndjson, parquet).
/// </summary>
internal static class BenchmarkConfiguration
{
    /// <summary>The table that reads a source format's files (csv, ndjson or parquet).</summary>
    public static string TableName(string source) => source switch
    {
        "ndjson" => "transactions_ndjson",
        "parquet" => "transactions_parquet",
        _ => "transactions",
    };

    public static void Write(string confDirectory, string rawRoot, string lakeRoot, string tempDirectory, IReadOnlyList<string> sources, string memoryLimit, string aws = "")
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
            $"dataset: {BenchmarkWorkspace.Dataset}\ntables:\n" + string.Concat(sources.Select(Table)));
    }

    private static string Table(string source) => source == "parquet" ? TypedTable() : TextTable(source);

    private static string TextTable(string source)
    {
        var format = source == "ndjson" ? "json" : "csv";
        return $$"""
              - name: {{TableName(source)}}
                schema_version: v1
                source:
                  path: mortgage_transactions/*.{{source}}
                  format: {{format}}
                columns:
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

    /// <summary>The same table over the typed Parquet file: amounts and timestamps arrive typed, so there is no cast.</summary>
    private static string TypedTable() => """
          - name: transactions_parquet
            schema_version: v1
            source:
              path: mortgage_transactions/*.parquet
              format: parquet
            columns:
              - { name: transaction_id, type: string }
              - { name: customer_id, type: string }
              - { name: transaction_amount, type: "decimal(18,2)" }
              - { name: currency, type: string }
              - { name: transaction_timestamp, type: timestamp }
            primary_key: [transaction_id]
            partition_by: [event_year, event_month]
            ingestion: full
            transforms:
              - trim: [transaction_id, customer_id, currency]
              - empty_to_null: [transaction_id, customer_id, currency]
              - split_date: { column: transaction_timestamp, prefix: event, parts: [year, month] }
            rules:
              - not_null: { column: transaction_id }
              - accepted_values: { column: currency, values: [EUR, USD, GBP] }
              - unique: { columns: [transaction_id] }

        """;
}
