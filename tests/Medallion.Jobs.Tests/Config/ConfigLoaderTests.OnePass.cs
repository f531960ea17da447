using Medallion.Jobs.Config;

namespace Medallion.Jobs.Tests.Config;

/// <summary>
/// Issue 12, item 5: type errors and unknown keys no longer hide column-reference and SQL errors;
/// one `medallion datasets` run shows every error of every file.
/// </summary>
public sealed partial class ConfigLoaderTests
{
    private const string LocalSettings = """
        environments:
          local: { lake_root: ./lake, raw_root: ./raw }
        """;

    [Fact]
    public void Load_FileWithOneErrorOfEachKind_ReportsThemAllInOnePass()
    {
        _files.WriteSettings(LocalSettings);
        _files.WriteDataset("orders", """
            dataset: orders
            tables:
              - name: t
                source: { path: a.csv, format: csv }
                colour: blue
                columns:
                  - { name: id, type: string, nullable: false }
                  - { name: gross, type: integr }
                  - { name: day, type: date }
                transforms:
                  - derive: { column: net, type: long, expression: "gross 2" }
                  - trim: [id, nope]
                  - split_date: { column: gross }
                rules:
                  - not_null: { column: gone }
                  - expression: { sql: "net > missing" }
                validation: { max_quarantine_ratio: 2 }
            """);
        _files.WriteDataset("shipments", """
            dataset: shipments
            tables:
              - name: s
                source: { path: s.json, format: json }
                columns: [{ name: ref, type: string }]
                rules:
                  - range: { column: ref, min: z, max: a }
                  - unique: { columns: [shipment] }
            """);

        var sut = Assert.Throws<ConfigurationException>(() => ConfigLoader.Load(_files.Conf));

        (string File, int Line, string Fragment)[] expected =
        [
            ("orders.yaml", 5, "unknown key `colour` in a table"),
            ("orders.yaml", 7, "unknown key `nullable` in a column"),
            ("orders.yaml", 8, "column `gross` has unknown type `integr`"),
            ("orders.yaml", 11, "`expression` of `derive`: DuckDB cannot parse it"),
            ("orders.yaml", 17, "`max_quarantine_ratio` must be a number between 0 and 1, found `2`"),
            ("orders.yaml", 12, "trim: column `nope` does not exist at this step"),
            ("orders.yaml", 15, "rule `not_null_gone` (not_null): column `gone` is not a silver column"),
            ("orders.yaml", 16, "rule `expression_1` (expression): DuckDB: Binder Error: Referenced column \"missing\" not found"),
            ("shipments.yaml", 8, "rule `unique_shipment` (unique): column `shipment` is not a silver column"),
            ("shipments.yaml", 7, "`min` z is greater than `max` a"),
        ];
        Assert.Equal(
            expected.Select(e => (e.File, e.Line)),
            sut.Errors.Select(e => (Path.GetFileName(e.Location.File), e.Location.Line)));
        Assert.All(expected.Zip(sut.Errors), pair => Assert.Contains(pair.First.Fragment, pair.Second.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_ColumnWithUnreadableType_StillChecksTheStepsThatUseIt()
    {
        _files.WriteSettings(LocalSettings);
        _files.WriteDataset("orders", """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: amount, type: money }, { name: note, type: string }]
                transforms:
                  - trim: [amount]
                  - derive: { column: twice, type: long, expression: "amount * 2 + nothing" }
                partition_by: [amount_year]
            """);

        var sut = Assert.Throws<ConfigurationException>(() => ConfigLoader.Load(_files.Conf));

        // The unknown type brings no error of its own further down (trim would need a string), but the missing names do.
        Assert.Collection(
            sut.Errors,
            e => ErrorAssert.At(e, 5, 37, "column `amount` has unknown type `money`"),
            e => ErrorAssert.At(e, 9, 20, "partition column `amount_year` is not produced by the transforms"),
            e => ErrorAssert.At(e, 8, 58, "derive: DuckDB: Binder Error: Referenced column \"nothing\" not found"));
    }

    [Fact]
    public void Load_UnreadableTransform_ChecksTheStepsBeforeItAndNothingAfter()
    {
        _files.WriteSettings(LocalSettings);
        _files.WriteDataset("orders", """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
                transforms:
                  - trim: [missing_before]
                  - derive: { column: made }
                rules:
                  - not_null: { column: made }
            """);

        var sut = Assert.Throws<ConfigurationException>(() => ConfigLoader.Load(_files.Conf));

        // `made` may well be what the unreadable derive makes, so the rule on it is not reported as missing.
        Assert.Collection(
            sut.Errors,
            e => ErrorAssert.At(e, 8, 17, "missing required key `type` in `derive`"),
            e => ErrorAssert.At(e, 8, 17, "missing required key `expression` in `derive`"),
            e => ErrorAssert.At(e, 7, 9, "trim: column `missing_before` does not exist at this step"));
    }
}
