namespace Medallion.Testing;

/// <summary>A one-table dataset (<c>sales.orders</c>) partitioned by month, for validation, promotion and rollback tests.</summary>
public static class SalesDataset
{
    public const string Current = "silver/sales/orders/schema_v=1/current";
    public const string Latest = "silver/sales/orders/_LATEST.json";

    /// <param name="primaryKey">Declares <c>primary_key: [id]</c>, which <c>promotion: merge</c> needs.</param>
    public static void WriteTo(TestLake lake, string validation = "min_rows: 1", string promotion = "replace_partitions", string ingestion = "full", bool primaryKey = false) => lake.WriteDataset("sales", $$"""
        dataset: sales
        tables:
          - name: orders
            source: { path: sales/*.csv, format: csv }
            columns:
              - { name: id, type: string }
              - { name: amount, type: string }
              - { name: day, type: date }
            partition_by: [day_month]
            {{(primaryKey ? "primary_key: [id]" : "")}}
            transforms:
              - cast: { amount: "decimal(10,2)" }
              - split_date: { column: day, parts: [month] }
            rules:
              - not_null: { column: id }
            validation: { {{validation}} }
            ingestion: {{ingestion}}
            promotion: {{promotion}}
        """);

    /// <summary>
    /// The same table read from dated folders (<c>sales/dt={date}/*.csv</c>), appending: what a backfill
    /// slices by day. The raw objects are the test's to land.
    /// </summary>
    public static void WriteDatedTo(TestLake lake) => lake.WriteDataset("sales", """
        dataset: sales
        tables:
          - name: orders
            source: { path: "sales/dt={date}/*.csv", format: csv }
            columns:
              - { name: id, type: string }
              - { name: amount, type: string }
              - { name: day, type: date }
            partition_by: [day_month]
            transforms:
              - split_date: { column: day, parts: [month] }
            rules:
              - not_null: { column: id }
            validation: { min_rows: 1 }
            promotion: append
        """);

    /// <summary>Replaces the raw input with <paramref name="rows"/> (<c>id,amount,day</c> lines).</summary>
    public static void WriteRaw(TestLake lake, params string[] rows) =>
        lake.WriteRaw("sales/orders.csv", "id,amount,day\n" + string.Join('\n', rows) + "\n");

    /// <summary>Lands one more raw object, <c>sales/<paramref name="name"/>.csv</c>, beside the others (incremental ingestion's tests); returns its local path.</summary>
    public static string Land(TestLake lake, string name, params string[] rows) =>
        lake.WriteRaw($"sales/{name}.csv", "id,amount,day\n" + string.Join('\n', rows) + "\n");

    /// <summary>The rows of <c>current/</c> as <c>id:amount:run</c>, sorted.</summary>
    public static IReadOnlyList<string> CurrentRows(TestLake lake) =>
        [.. lake.Query(Current, "SELECT id || ':' || CAST(amount AS VARCHAR) || ':' || _run_key FROM t ORDER BY 1").Select(r => r[0])];
}
