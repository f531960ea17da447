using Medallion.Jobs.Config;

namespace Medallion.Jobs.Tests.Config;

public sealed partial class ConfigLoaderTests
{
    [Fact]
    public void LoadDataset_YamlSyntaxError_ReportsPosition()
    {
        var errors = _files.DatasetErrors("""
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json
            """);

        ErrorAssert.Single(errors, 5, 1, "YAML syntax error");
    }

    [Fact]
    public void LoadDataset_UnknownKey_ListsAllowedKeys()
    {
        var errors = _files.DatasetErrors("""
            dataset: orders
            tables:
              - name: t
                source:
                  path: a.csv
                  format: csv
                  csv: { delimeter: ";" }
                columns: [{ name: id, type: string }]
            """);

        ErrorAssert.Single(errors, 7, 14, "unknown key `delimeter` in `csv`", "allowed keys are: header, delimiter, quote, escape");
    }

    [Fact]
    public void LoadDataset_BooleanNotTrueOrFalse_ExpectsTrueOrFalse()
    {
        var errors = _files.DatasetErrors("""
            dataset: orders
            tables:
              - name: t
                source:
                  path: a.csv
                  format: csv
                  csv:
                    header: maybe
                columns: [{ name: id, type: string }]
            """);

        ErrorAssert.Single(errors, 8, 17, "`header` must be true or false, found `maybe`");
    }

    [Fact]
    public void LoadDataset_ListWhereMappingExpected_NamesBoth()
    {
        var errors = _files.DatasetErrors("""
            dataset: orders
            tables:
              - name: t
                source: [a.json, json]
                columns: [{ name: id, type: string }]
            """);

        ErrorAssert.Single(errors, 4, 13, "`source` must be a mapping (key: value), found a list");
    }

    [Fact]
    public void LoadDataset_MissingRequiredKey_PointsAtMapping()
    {
        var errors = _files.DatasetErrors("""
            dataset: orders
            tables:
              - name: t
                source: { format: json }
                columns: [{ name: id, type: string }]
            """);

        ErrorAssert.Single(errors, 4, 13, "missing required key `path` in `source`");
    }

    [Fact]
    public void LoadDataset_InvalidTableName_ShowsPattern()
    {
        var errors = _files.DatasetErrors("""
            dataset: orders
            tables:
              - name: Order-Lines
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
            """);

        ErrorAssert.Single(errors, 3, 11, "table name `Order-Lines` is invalid", "^[a-z][a-z0-9_]{0,62}$");
    }

    [Fact]
    public void LoadDataset_ColumnNameWithUnderscore_IsReserved()
    {
        var errors = _files.DatasetErrors("""
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns:
                  - { name: _run_key, type: string }
                  - { name: id, type: string }
            """);

        ErrorAssert.Single(errors, 6, 17, "column name `_run_key` starts with `_`", "reserved for lineage columns");
    }

    [Fact]
    public void LoadDataset_DatasetNameDiffersFromFileName_NamesBoth()
    {
        var errors = _files.DatasetErrors("""
            dataset: sales
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
            """);

        ErrorAssert.Single(errors, 1, 10, "dataset `sales` does not match its file name `orders.yaml`", "expected `dataset: orders`");
    }

    [Fact]
    public void LoadDataset_DuplicateTableNames_PointsAtSecond()
    {
        var errors = _files.DatasetErrors("""
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
              - name: t
                source: { path: b.json, format: json }
                columns: [{ name: id, type: string }]
            """);

        ErrorAssert.Single(errors, 6, 5, "duplicate table name `t`", "already defined at", "orders.yaml:3:5");
    }

    [Fact]
    public void LoadDataset_UnknownColumnType_ListsExpectedTypes()
    {
        var errors = _files.DatasetErrors("""
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns:
                  - name: id
                    type: varchar
            """);

        ErrorAssert.Single(errors, 7, 15, "column `id` has unknown type `varchar`", ColumnType.Expected);
    }

    [Fact]
    public void LoadDataset_UnquotedDecimalInFlowMapping_SuggestsQuoting()
    {
        var errors = _files.DatasetErrors("""
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns:
                  - { name: amount, type: decimal(18,2) }
            """);

        ErrorAssert.Single(errors, 6, 31, "unknown type `decimal(18`", "quote it: \"decimal(18,2)\"");
    }

    [Fact]
    public void LoadDataset_UnknownTransformKind_ListsKinds()
    {
        var errors = _files.DatasetErrors("""
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
                transforms:
                  - uppercase: [id]
            """);

        ErrorAssert.Single(errors, 7, 9, "unknown transform `uppercase`", "kinds are: drop, rename, cast, split_date");
    }

    [Fact]
    public void LoadDataset_TransformWithTwoKindKeys_NamesThem()
    {
        var errors = _files.DatasetErrors("""
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
                transforms:
                  - trim: [id]
                    empty_to_null: [id]
            """);

        ErrorAssert.Single(errors, 7, 9, "a transform must have exactly one key naming its kind, found trim, empty_to_null");
    }

    [Fact]
    public void LoadDataset_TransformWithNoKindKey_SaysNone()
    {
        var errors = _files.DatasetErrors("""
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
                transforms:
                  - {}
            """);

        ErrorAssert.Single(errors, 7, 9, "exactly one key naming its kind, found none");
    }

    [Fact]
    public void LoadDataset_UnknownRuleKind_ListsKinds()
    {
        var errors = _files.DatasetErrors("""
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
                rules:
                  - is_null: { column: id }
            """);

        ErrorAssert.Single(errors, 7, 9, "unknown rule `is_null`", "kinds are: not_null, unique, accepted_values, range, regex, max_length, expression");
    }

    [Fact]
    public void LoadDataset_RuleWithTwoKindKeys_NamesThem()
    {
        var errors = _files.DatasetErrors("""
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
                rules:
                  - not_null: { column: id }
                    unique: { columns: [id] }
                    severity: warn
            """);

        ErrorAssert.Single(errors, 7, 9, "a rule must have exactly one key naming its kind, found not_null, unique");
    }

    [Fact]
    public void LoadDataset_InvalidRegex_ReportsParserMessage()
    {
        var errors = _files.DatasetErrors("""
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
                rules:
                  - regex: { column: id, pattern: "[a-" }
            """);

        ErrorAssert.Single(errors, 7, 39, "`pattern` `[a-` is not a valid regular expression");
    }

    [Fact]
    public void LoadDataset_DuplicateRuleNames_PointsAtSecond()
    {
        var errors = _files.DatasetErrors("""
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
                rules:
                  - not_null: { column: id }
                  - not_null: { column: id }
                    severity: fail
            """);

        ErrorAssert.Single(errors, 8, 9, "duplicate rule name `not_null_id`", "orders.yaml:7:9", "give one of them a `name:`");
    }

    [Fact]
    public void LoadDataset_RuleNamedLikeImplicitCastRule_IsReserved()
    {
        var errors = _files.DatasetErrors("""
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
                transforms:
                  - cast: { id: long }
                rules:
                  - not_null: { column: id }
                    name: cast_id
            """);

        ErrorAssert.Single(errors, 9, 9, "rule name `cast_id` is reserved for the implicit rule on values of `id` that do not cast");
    }

    [Fact]
    public void LoadDataset_UnknownSeverity_ListsSeverities()
    {
        var errors = _files.DatasetErrors("""
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
                rules:
                  - not_null: { column: id }
                    severity: error
            """);

        ErrorAssert.Single(errors, 8, 19, "`severity` must be one of warn, quarantine, fail, found `error`");
    }

    [Fact]
    public void LoadDataset_ThresholdAboveOne_ExpectsShare()
    {
        var errors = _files.DatasetErrors("""
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
                rules:
                  - not_null: { column: id }
                    severity: fail
                    threshold: 5
            """);

        ErrorAssert.Single(errors, 9, 20, "`threshold` must be a number between 0 and 1, found `5`");
    }

    [Fact]
    public void LoadDataset_ThresholdWithoutFailSeverity_WouldDoNothing()
    {
        var errors = _files.DatasetErrors("""
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
                rules:
                  - not_null: { column: id }
                    threshold: 0.1
            """);

        ErrorAssert.Single(errors, 8, 20, "`threshold` applies only to severity fail", "severity is quarantine");
    }

    [Fact]
    public void LoadDataset_UnknownPromotion_ListsModes()
    {
        var errors = _files.DatasetErrors("""
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
                promotion: overwrite
            """);

        ErrorAssert.Single(errors, 6, 16, "`promotion` must be one of replace_partitions, replace_all, append, found `overwrite`");
    }

    [Fact]
    public void LoadDataset_UnknownFormat_ListsFormats()
    {
        var errors = _files.DatasetErrors("""
            dataset: orders
            tables:
              - name: t
                source: { path: a.xml, format: xml }
                columns: [{ name: id, type: string }]
            """);

        ErrorAssert.Single(errors, 4, 36, "`format` must be one of json, csv, parquet, found `xml`");
    }

    [Fact]
    public void LoadDataset_CsvOptionsForJson_AreRejected()
    {
        var errors = _files.DatasetErrors("""
            dataset: orders
            tables:
              - name: t
                source:
                  path: a.json
                  format: json
                  csv: { header: false }
                columns: [{ name: id, type: string }]
            """);

        ErrorAssert.Single(errors, 7, 12, "`csv` options apply only to format csv, but this source is json");
    }

    [Fact]
    public void LoadDataset_DelimiterOfTwoCharacters_ExpectsOne()
    {
        var errors = _files.DatasetErrors("""
            dataset: orders
            tables:
              - name: t
                source:
                  path: a.csv
                  format: csv
                  csv: { delimiter: ";;" }
                columns: [{ name: id, type: string }]
            """);

        ErrorAssert.Single(errors, 7, 25, "`delimiter` must be a single character, found `;;` (2 characters)");
    }
}
