using Medallion.Jobs.Config;
using Medallion.Jobs.Config.Rules;
using Medallion.Jobs.Config.Transforms;

namespace Medallion.Jobs.Tests.Config;

public sealed partial class ConfigLoaderTests : IDisposable
{
    private const string FullDataset = """
        dataset: orders
        description: Orders exported nightly.
        schedule: cron(0 3 * * ? *)
        tables:
          - name: transactions
            schema_version: v2
            source:
              path: orders/*.csv
              format: csv
              csv:
                header: false
                delimiter: ";"
                quote: "'"
                escape: "\\"
            columns:
              - { name: id, type: string }
              - { name: amount, type: string }
              - { name: booked_on, type: string }
              - { name: title, type: string, field: title.rendered }
              - { name: status, type: string }
              - { name: legacy, type: long }
              - { name: modified, type: timestamp }
            primary_key: [id]
            partition_by: [booked_year, booked_month]
            transforms:
              - drop: [legacy]
              - rename: { booked_on: booked }
              - cast: { amount: "decimal(18,2)", booked: date }
              - split_date: { column: booked, parts: [year, month] }
              - decode_html: [title]
              - replace: { columns: [title], find: "--", with: "-" }
              - trim: [title, status]
              - empty_to_null: [status]
              - derive: { column: amount_cents, type: long, expression: "amount * 100" }
              - filter: "status <> 'draft'"
              - deduplicate: { key: [id], order_by: modified, keep: first }
            rules:
              - not_null: { column: id }
              - unique: { columns: [id, booked] }
              - accepted_values: { column: status, values: [open, closed] }
              - range: { column: amount, min: -1000, max: 1000 }
              - regex: { column: title, pattern: "^[A-Z]" }
                severity: warn
              - max_length: { column: title, length: 300 }
              - expression: { sql: "amount <> 0" }
                name: non_zero_amount
                severity: fail
                threshold: 0.01
              - expression: { sql: "amount_cents >= 0" }
            validation:
              min_rows: 1
              max_quarantine_ratio: 0.2
              max_row_change_ratio: 0.5
            promotion: append
          - name: customers
            source: { path: "customers/*.json", format: json }
            columns:
              - { name: id, type: long }
        """;

    private readonly ConfigFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void LoadDataset_FullFile_ReadsDatasetAndSource()
    {
        var path = _files.WriteDataset("orders", FullDataset);

        var sut = ConfigLoader.LoadDataset(path);

        Assert.Equal(("orders", "Orders exported nightly.", "cron(0 3 * * ? *)"), (sut.Name, sut.Description, sut.Schedule));
        Assert.Equal(new SourceLocation(path, 1, 1), sut.Location);
        Assert.Equal(["transactions", "customers"], sut.Tables.Select(t => t.Name));
        var table = sut.Tables[0];
        Assert.Equal("v2", table.SchemaVersion);
        Assert.Equal(new SourceSpec("orders/*.csv", SourceFormat.Csv, new CsvOptions(false, ';', '\'', '\\'), new SourceLocation(path, 8, 7)), table.Source);
        Assert.Equal(new ColumnSpec("title", ColumnType.String, "title.rendered", new SourceLocation(path, 19, 9)), table.Columns[3]);
        Assert.Equal(new ColumnSpec("id", ColumnType.String, "id", new SourceLocation(path, 16, 9)), table.Columns[0]);
        Assert.Equal(["id"], table.PrimaryKey);
        Assert.Equal(["booked_year", "booked_month"], table.PartitionBy);
        Assert.Equal(new ValidationSpec(1, 0.2, 0.5), table.Validation);
        Assert.Equal(PromotionMode.Append, table.Promotion);
        Assert.Equal(new SourceLocation(path, 5, 5), table.Location);
    }

    [Fact]
    public void LoadDataset_FullFile_ReadsEveryTransformKind()
    {
        var path = _files.WriteDataset("orders", FullDataset);

        var sut = ConfigLoader.LoadDataset(path).Tables[0].Transforms;

        Assert.Equivalent(
            new object[]
            {
                new DropTransform(["legacy"], At(path, 26)),
                new RenameTransform([new ColumnRename("booked_on", "booked")], At(path, 27)),
                new CastTransform([new ColumnCast("amount", ColumnType.Decimal(18, 2)), new ColumnCast("booked", ColumnType.Date)], At(path, 28)),
                new SplitDateTransform("booked", "booked", [DatePart.Year, DatePart.Month], At(path, 29)),
                new DecodeHtmlTransform(["title"], At(path, 30)),
                new ReplaceTransform(["title"], "--", "-", At(path, 31)),
                new TrimTransform(["title", "status"], At(path, 32)),
                new EmptyToNullTransform(["status"], At(path, 33)),
                new DeriveTransform("amount_cents", ColumnType.Long, "amount * 100", At(path, 34)),
                new FilterTransform("status <> 'draft'", At(path, 35)),
                new DeduplicateTransform(["id"], "modified", KeepLatest: false, At(path, 36)),
            },
            sut.ToArray<object>(),
            strict: true);
        Assert.Equal(
            ["drop", "rename", "cast", "split_date", "decode_html", "replace", "trim", "empty_to_null", "derive", "filter", "deduplicate"],
            sut.Select(t => t.Kind));
    }

    [Fact]
    public void LoadDataset_FullFile_ReadsEveryRuleKindWithDefaultNames()
    {
        var path = _files.WriteDataset("orders", FullDataset);

        var sut = ConfigLoader.LoadDataset(path).Tables[0].Rules;

        Assert.Equivalent(
            new object[]
            {
                new NotNullRule("id", "not_null_id", RuleSeverity.Quarantine, null, At(path, 38)),
                new UniqueRule(["id", "booked"], "unique_id_booked", RuleSeverity.Quarantine, null, At(path, 39)),
                new AcceptedValuesRule("status", ["open", "closed"], "accepted_values_status", RuleSeverity.Quarantine, null, At(path, 40)),
                new RangeRule("amount", "-1000", "1000", "range_amount", RuleSeverity.Quarantine, null, At(path, 41)),
                new RegexRule("title", "^[A-Z]", "regex_title", RuleSeverity.Warn, null, At(path, 42)),
                new MaxLengthRule("title", 300, "max_length_title", RuleSeverity.Quarantine, null, At(path, 44)),
                new ExpressionRule("amount <> 0", "non_zero_amount", RuleSeverity.Fail, 0.01, At(path, 45)),
                new ExpressionRule("amount_cents >= 0", "expression_2", RuleSeverity.Quarantine, null, At(path, 49)),
            },
            sut.ToArray<object>(),
            strict: true);
    }

    [Fact]
    public void LoadDataset_MinimalTable_AppliesDefaults()
    {
        var path = _files.WriteDataset("orders", FullDataset);

        var sut = ConfigLoader.LoadDataset(path).Tables[1];

        Assert.Equal("v1", sut.SchemaVersion);
        Assert.Equal((SourceFormat.Json, CsvOptions.Default), (sut.Source.Format, sut.Source.Csv));
        Assert.Empty(sut.PrimaryKey);
        Assert.Empty(sut.PartitionBy);
        Assert.Empty(sut.Transforms);
        Assert.Empty(sut.Rules);
        Assert.Equal(ValidationSpec.Default, sut.Validation);
        // Issue 13: incremental ingestion by default, and the promotion that keeps earlier runs' rows with it.
        Assert.Equal((IngestionMode.Incremental, PromotionMode.Append), (sut.Ingestion, sut.Promotion));
        Assert.Equal("id", sut.Columns[0].Field);
    }

    [Fact]
    public void LoadDataset_CsvWithoutOptions_UsesDefaultDialect()
    {
        var path = _files.WriteDataset("orders", """
            dataset: orders
            tables:
              - name: t
                source: { path: a.csv, format: csv }
                columns: [{ name: id, type: string }]
            """);

        var sut = ConfigLoader.LoadDataset(path).Tables[0].Source.Csv;

        Assert.Equal(new CsvOptions(Header: true, Delimiter: ',', Quote: '"', Escape: '"'), sut);
    }

    private static SourceLocation At(string path, int line) => new(path, line, 9);
}
