using Medallion.Jobs.Config;

namespace Medallion.Jobs.Tests.Config;

public sealed partial class ConfigLoaderTests
{
    /// <summary>YAML shapes and names: syntax, keys, value types, dataset, table and column names.</summary>
    public static TheoryData<string, string, int, int, string[]> ShapeErrors => new()
    {
        {
            "YamlSyntaxError_ReportsPosition",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json
            """,
            5, 1, ["YAML syntax error"]
        },
        {
            "UnknownKey_ListsAllowedKeys",
            """
            dataset: orders
            tables:
              - name: t
                source:
                  path: a.csv
                  format: csv
                  csv: { delimeter: ";" }
                columns: [{ name: id, type: string }]
            """,
            7, 14, ["unknown key `delimeter` in `csv`", "allowed keys are: header, delimiter, quote, escape"]
        },
        {
            "BooleanNotTrueOrFalse_ExpectsTrueOrFalse",
            """
            dataset: orders
            tables:
              - name: t
                source:
                  path: a.csv
                  format: csv
                  csv:
                    header: maybe
                columns: [{ name: id, type: string }]
            """,
            8, 17, ["`header` must be true or false, found `maybe`"]
        },
        {
            "ListWhereMappingExpected_NamesBoth",
            """
            dataset: orders
            tables:
              - name: t
                source: [a.json, json]
                columns: [{ name: id, type: string }]
            """,
            4, 13, ["`source` must be a mapping (key: value), found a list"]
        },
        {
            "MissingRequiredKey_PointsAtMapping",
            """
            dataset: orders
            tables:
              - name: t
                source: { format: json }
                columns: [{ name: id, type: string }]
            """,
            4, 13, ["missing required key `path` in `source`"]
        },
        {
            "InvalidTableName_ShowsPattern",
            """
            dataset: orders
            tables:
              - name: Order-Lines
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
            """,
            3, 11, ["table name `Order-Lines` is invalid", "^[a-z][a-z0-9_]{0,62}$"]
        },
        {
            "ColumnNameWithUnderscore_IsReserved",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns:
                  - { name: _run_key, type: string }
                  - { name: id, type: string }
            """,
            6, 17, ["column name `_run_key` starts with `_`", "reserved for lineage columns"]
        },
        // Issue 12, item 9: a source name that is no identifier is kept by `field:`, and the message says how.
        {
            "CsvColumnNameWithSpace_SuggestsANameAndField",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.csv, format: csv }
                columns:
                  - { name: order id, type: string }
            """,
            6, 17, ["column name `order id` is not an identifier; name it order_id and read it with field: \"order id\""]
        },
        {
            "CsvColumnNameWithDash_SuggestsANameAndField",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.csv, format: csv }
                columns:
                  - { name: unit-price, type: string }
            """,
            6, 17, ["column name `unit-price` is not an identifier; name it unit_price and read it with field: \"unit-price\""]
        },
        {
            "JsonColumnNameWithDot_SuggestsANameAndField",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns:
                  - { name: title.rendered, type: string }
            """,
            6, 17, ["column name `title.rendered` is not an identifier; name it title_rendered and read it with field: \"title.rendered\""]
        },
        {
            "JsonColumnNameStartingWithDigit_SuggestsAName",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns:
                  - { name: 2nd address, type: string, field: "2nd address" }
            """,
            6, 17, ["column name `2nd address` is not an identifier; name it c_2nd_address (its `field:` reads the source name)"]
        },
        {
            "DerivedColumnNameWithSpace_SuggestsANameOnly",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
                transforms:
                  - derive: { column: id copy, type: string, expression: id }
            """,
            7, 27, ["column name `id copy` is not an identifier; name it id_copy (column names match"]
        },
        {
            "DatasetNameDiffersFromFileName_NamesBoth",
            """
            dataset: sales
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
            """,
            1, 10, ["dataset `sales` does not match its file name `orders.yaml`", "expected `dataset: orders`"]
        },
        {
            "DuplicateTableNames_PointsAtSecond",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
              - name: t
                source: { path: b.json, format: json }
                columns: [{ name: id, type: string }]
            """,
            6, 5, ["duplicate table name `t`", "already defined at", "orders.yaml:3:5"]
        },
        {
            "UnknownColumnType_ListsExpectedTypes",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns:
                  - name: id
                    type: varchar
            """,
            7, 15, ["column `id` has unknown type `varchar`", ColumnType.Expected]
        },
        {
            "UnquotedDecimalInFlowMapping_SuggestsQuoting",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns:
                  - { name: amount, type: decimal(18,2) }
            """,
            6, 31, ["unknown type `decimal(18`", "quote it: \"decimal(18,2)\""]
        },
    };
}
