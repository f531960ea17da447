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
