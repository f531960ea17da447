using Medallion.Testing;

namespace Medallion.Orchestration.Tests.Runs;

/// <summary>
/// A small CSV dataset that touches every transform and rule kind, with the fate of every row
/// worked out by hand (see the comment on each raw line).
/// </summary>
internal static class ShopDataset
{
    public const string Yaml = """
        dataset: shop
        description: Orders from a web shop, one CSV per day.
        tables:
          - name: orders
            source:
              path: shop/orders*.csv
              format: csv
            columns:
              - { name: order_id, type: string }
              - { name: customer, type: string }
              - { name: amount, type: string }
              - { name: status, type: string }
              - { name: ordered_at, type: string }
              - { name: note, type: string }
              - { name: internal, type: string }
            primary_key: [order_id]
            partition_by: [ordered_year, ordered_month]
            transforms:
              - trim: [customer, status]
              - empty_to_null: [customer]
              - cast:
                  amount: decimal(10,2)
                  ordered_at: timestamp
              - split_date: { column: ordered_at, prefix: ordered, parts: [year, month] }
              - decode_html: [note]
              - replace: { columns: [note], find: "TODO", with: "done" }
              - filter: "status <> 'test'"
              - deduplicate: { key: [order_id], order_by: ordered_at }
              - derive: { column: amount_cents, type: long, expression: "amount * 100" }
              - rename: { customer: customer_name }
              - drop: [internal]
            rules:
              - not_null: { column: customer_name }
              - accepted_values: { column: status, values: [new, paid, shipped] }
              - range: { column: amount, min: 0, max: 1000 }
              - regex: { column: order_id, pattern: "^o[0-9]+$" }
              - max_length: { column: note, length: 20 }
              - unique: { columns: [customer_name] }
              - expression: { sql: "amount_cents <> 0" }
                name: non_zero
                severity: warn
        """;

    public const string Csv =
        "order_id,customer,amount,status,ordered_at,note,internal\n" +
        "o1,Ann,10.50,new,2024-01-05T10:00:00Z,Tom &amp; Jerry,x\n" +           // duplicate of o1 below (older)
        "o2, Bob ,20.00,paid,2024-02-01T00:00:00Z,a &lt;b&gt;,x\n" +            // silver
        "o3,,5.00,paid,2024-02-02T00:00:00Z,ok,x\n" +                          // not_null_customer_name
        "o4,Cid,abc,new,2024-02-03T00:00:00Z,ok,x\n" +                         // cast_amount
        "o5,Dan,7.00,test,2024-02-03T00:00:00Z,ok,x\n" +                       // filtered
        "o6,Eve,8.00,lost,2024-03-01T00:00:00Z,ok,x\n" +                       // accepted_values_status
        "o7,Fay,2000,new,2024-03-02T00:00:00Z,ok,x\n" +                        // range_amount
        "x8,Gus,9.00,new,2024-03-03T00:00:00Z,ok,x\n" +                        // regex_order_id
        "o9,Hal,1.00,new,2024-03-04T00:00:00Z,this note is far too long for the rule,x\n" + // max_length_note
        "o1,Ann,11.00,paid,2024-01-06T00:00:00Z,TODO later,x\n" +              // silver (latest o1)
        "o11,Ivy,0,new,2024-03-05T00:00:00Z,it&#39;s &#x41;,x\n" +             // silver, breaks warn rule non_zero
        "o12,Jon,bad,lost,2024-03-06T00:00:00Z,ok,x\n" +                       // cast_amount + accepted_values_status
        "o13,too,few\n" +                                                      // malformed
        "o14,Kim,3.00,new,notatime,ok,x\n" +                                   // cast_ordered_at
        "o16,Ivy,4.00,new,2024-03-07T00:00:00Z,ok,x\n";                        // unique_customer_name

    public const long Read = 15;
    public const long Silver = 3;
    public const long Quarantined = 10;
    public const long Duplicates = 1;
    public const long Filtered = 1;

    public static IReadOnlyDictionary<string, long> RuleFailures { get; } = new Dictionary<string, long>
    {
        ["malformed"] = 1,
        ["cast_amount"] = 2,
        ["cast_ordered_at"] = 1,
        ["not_null_customer_name"] = 1,
        ["accepted_values_status"] = 2,
        ["range_amount"] = 1,
        ["regex_order_id"] = 1,
        ["max_length_note"] = 1,
        ["unique_customer_name"] = 1,
        ["non_zero"] = 1,
    };

    public const string Bronze = "bronze/shop/orders/schema_v=1";
    public const string Quarantine = "quarantine/shop/orders/schema_v=1";

    public static string SilverRun(string runKey) => $"silver/shop/orders/schema_v=1/runs/run_key={runKey}";

    /// <summary>The dataset with extra keys (severity, threshold) on its not_null rule.</summary>
    public static string WithNotNullCustomer(params string[] keys)
    {
        const string Rule = "      - not_null: { column: customer_name }\n";
        var yaml = Yaml.Replace(Rule, Rule + string.Concat(keys.Select(k => $"        {k}\n")), StringComparison.Ordinal);
        return yaml != Yaml ? yaml : throw new InvalidOperationException("The not_null rule was not found in the shop YAML.");
    }

    public static void WriteTo(TestLake lake)
    {
        lake.WriteDataset("shop", Yaml);
        lake.WriteRaw("shop/orders-2024-03-07.csv", Csv);
    }
}
