namespace Medallion.Jobs.Tests.Config;

public sealed partial class ConfigLoaderTests
{
    /// <summary>
    /// User SQL fragments (`derive`, `filter`, `expression`): one expression each, checked by DuckDB's
    /// parser and binder when the config loads. Regressions: issue 16 (Why 2: a fragment read
    /// /etc/passwd into silver, another wrote a file outside the lake) and issue 12 (a broken fragment
    /// passed `medallion datasets` and failed mid-run after bronze was written).
    /// </summary>
    public static TheoryData<string, string, int, int, string[]> FragmentErrors => new()
    {
        {
            "DeriveReadingAFile_IsRefused",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: gross, type: long }, { name: status, type: string }]
                transforms:
                  - derive: { column: leak, type: string, expression: "(SELECT string_agg(column0, '|') FROM read_csv('/etc/passwd'))" }
            """,
            7, 59, ["`expression` of `derive`: it must be one expression over the row's columns; a subquery (SELECT …) (it reads the table function `read_csv`) is not allowed"]
        },
        {
            "FilterWithASecondStatement_IsRefused",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: gross, type: long }, { name: status, type: string }]
                transforms:
                  - filter: "gross > 0) FROM t; COPY (SELECT 'x') TO '/tmp/medallion-pwned.csv'; SELECT (1"
            """,
            7, 17, ["`filter`: it must be one SQL expression, but it holds several statements (`;`)"]
        },
        {
            "ExpressionRuleGlobbingFiles_IsRefused",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: gross, type: long }, { name: status, type: string }]
                rules:
                  - expression: { sql: "EXISTS (SELECT * FROM glob('/etc/*'))" }
            """,
            7, 28, ["`sql` of `expression`", "table function `glob`"]
        },
        {
            "EmptyExpressionRule_IsRefused",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: gross, type: long }, { name: status, type: string }]
                rules:
                  - expression: { sql: "" }
            """,
            7, 28, ["`sql` of `expression`: it is empty"]
        },
        {
            "DeriveWithUnknownOperator_GivesDuckDbsMessage",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: gross, type: long }, { name: status, type: string }]
                transforms:
                  - derive: { column: net, type: long, expression: "gross +* 2" }
            """,
            7, 56, ["derive: DuckDB: Catalog Error: Scalar Function with name +* does not exist!", "columns here are: gross, status"]
        },
        {
            "DeriveSyntaxError_PointsIntoTheFragment",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: gross, type: long }, { name: status, type: string }]
                transforms:
                  - derive: { column: net, type: long, expression: gross > > 2 }
            """,
            7, 64, ["`expression` of `derive`: DuckDB cannot parse it: syntax error at or near \">\""]
        },
        {
            "FilterOnAColumnDroppedBefore_NamesTheColumnsThere",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: gross, type: long }, { name: status, type: string }]
                transforms:
                  - drop: [status]
                  - filter: "status = 'x'"
            """,
            8, 17, ["filter: DuckDB: Binder Error: Referenced column \"status\" not found", "columns here are: gross"]
        },
        {
            "FilterThatIsNotACondition_IsRefused",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: gross, type: long }, { name: status, type: string }]
                transforms:
                  - filter: gross + 1
            """,
            7, 17, ["filter: it must be a condition (true or false), but DuckDB types it BIGINT"]
        },
        {
            "RuleOnAColumnNotInSilver_IsRefused",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: gross, type: long }, { name: status, type: string }]
                transforms:
                  - rename: { gross: amount }
                rules:
                  - expression: { sql: "gross > 0" }
            """,
            9, 28, ["rule `expression_1` (expression): DuckDB: Binder Error: Referenced column \"gross\" not found", "columns here are: amount, status"]
        },

        // A CAST that one row cannot make stops the whole silver run after bronze was written (issue 12, item 4).
        {
            "CastInDerive_PointsToTryCastAndTheCastTransform",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: gross, type: long }, { name: status, type: string }]
                transforms:
                  - derive: { column: code, type: int, expression: "CAST(status AS INT) + 1" }
            """,
            7, 57, ["`expression` of `derive`: CAST (or ::) stops the whole run at the first value that does not convert", "use TRY_CAST(…)", "a `cast` transform before this step", "cast_<column>"]
        },
        {
            "DoubleColonCastInFilter_IsRefusedToo",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: gross, type: long }, { name: status, type: string }]
                transforms:
                  - filter: "status::INT > 0"
            """,
            7, 24, ["`filter`: CAST (or ::) stops the whole run"]
        },
        {
            "CastInExpressionRule_IsRefused",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: gross, type: long }, { name: status, type: string }]
                rules:
                  - expression: { sql: "CAST(status AS DATE) < DATE '2025-01-01'" }
            """,
            7, 29, ["`sql` of `expression`: CAST (or ::) stops the whole run"]
        },
    };
}
