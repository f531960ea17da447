using Medallion.Jobs.Config;
using Medallion.Jobs.Plan;
using Medallion.Testing;

namespace Medallion.Jobs.Tests.Sql;

/// <summary>
/// A dataset whose one table uses every transform kind and every rule kind, with values that
/// need escaping (quotes, backslashes, backticks in names) so each dialect's quoting is exercised.
/// </summary>
internal static class KindCatalogue
{
    private const string Yaml = """
        dataset: catalogue
        tables:
          - name: everything
            source: { path: catalogue/*.json, format: json }
            columns:
              - { name: id, type: string }
              - { name: amount, type: string }
              - { name: happened, type: string }
              - { name: title, type: string, field: title.rendered }
              - { name: status, type: string }
              - { name: note, type: string }
              - { name: unused, type: long }
              - { name: revision, type: int }
              - { name: customer, type: string }
            partition_by: [happened_year]
            transforms:
              - drop: [unused]
              - rename: { note: remark }
              - trim: [id, status]
              - empty_to_null: [id]
              - cast:
                  amount: decimal(18,2)
                  happened: timestamp
              - split_date: { column: happened, parts: [year, month, day] }
              - decode_html: [title]
              - replace: { columns: [remark], find: "it's a \\ path", with: "C:\\temp\\'x'" }
              - derive: { column: doubled, type: double, expression: "amount * 2" }
              - filter: "status <> 'deleted'"
              - deduplicate: { key: [id], order_by: revision, keep: latest }
              - hash: [customer]
            rules:
              - not_null: { column: id }
              - unique: { columns: [id, happened_year] }
              - accepted_values: { column: status, values: [open, "it's", "back\\slash"] }
              - range: { column: amount, min: -10.5, max: 1000 }
              - regex: { column: remark, pattern: "^[a-z0-9\\-' ]+$" }
              - max_length: { column: title, length: 300 }
              - expression: { sql: "doubled >= 0 OR remark IS NULL" }
                name: non_negative
                severity: fail
                threshold: 0.5
        """;

    private static readonly Lazy<TablePlan> Compiled = new(() =>
    {
        using var directory = new TempDirectory("medallion-catalogue");
        var path = Path.Combine(directory.Path, "catalogue.yaml");
        File.WriteAllText(path, Yaml);
        var dataset = ConfigLoader.LoadDataset(path);
        return PlanCompiler.Compile(dataset, dataset.Tables[0]);
    });

    public static TablePlan Plan => Compiled.Value;
}
