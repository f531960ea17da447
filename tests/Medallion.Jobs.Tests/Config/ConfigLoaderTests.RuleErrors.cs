namespace Medallion.Jobs.Tests.Config;

public sealed partial class ConfigLoaderTests
{
    /// <summary>Rule items: the kind key, names, severity and threshold, and the columns a kind reads.</summary>
    public static TheoryData<string, string, int, int, string[]> RuleErrors => new()
    {
        {
            "UnknownRuleKind_ListsKinds",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
                rules:
                  - is_null: { column: id }
            """,
            7, 9, ["unknown rule `is_null`", "kinds are: not_null, unique, accepted_values, range, regex, max_length, expression"]
        },
        {
            "RuleWithTwoKindKeys_NamesThem",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
                rules:
                  - not_null: { column: id }
                    unique: { columns: [id] }
                    severity: warn
            """,
            7, 9, ["a rule must have exactly one key naming its kind, found not_null, unique"]
        },
        {
            "InvalidRegex_ReportsParserMessage",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
                rules:
                  - regex: { column: id, pattern: "[a-" }
            """,
            7, 39, ["`pattern` `[a-` is not a valid regular expression"]
        },
        {
            "DuplicateRuleNames_PointsAtSecond",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
                rules:
                  - not_null: { column: id }
                  - not_null: { column: id }
                    severity: fail
            """,
            8, 9, ["duplicate rule name `not_null_id`", "orders.yaml:7:9", "give one of them a `name:`"]
        },
        {
            "RuleNamedLikeImplicitCastRule_IsReserved",
            """
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
            """,
            9, 9, ["rule name `cast_id` is reserved for the implicit rule on values of `id` that do not cast"]
        },
        {
            "RuleNamedLikeImplicitPartitionRule_IsReserved",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }, { name: day, type: string }]
                partition_by: [day]
                rules:
                  - not_null: { column: id }
                    name: partition_day
            """,
            8, 9, ["rule name `partition_day` is reserved for the implicit rule on values of `day` too long for a partition folder name"]
        },
        {
            "UnknownSeverity_ListsSeverities",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
                rules:
                  - not_null: { column: id }
                    severity: error
            """,
            8, 19, ["`severity` must be one of warn, quarantine, fail, found `error`"]
        },
        {
            "ThresholdAboveOne_ExpectsShare",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
                rules:
                  - not_null: { column: id }
                    severity: fail
                    threshold: 5
            """,
            9, 20, ["`threshold` must be a number between 0 and 1, found `5`"]
        },
        {
            "ThresholdWithoutFailSeverity_WouldDoNothing",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
                rules:
                  - not_null: { column: id }
                    threshold: 0.1
            """,
            8, 20, ["`threshold` applies only to severity fail", "severity is quarantine"]
        },
        // Every kind that names columns has them checked against the silver columns (only `expression`, which is SQL, does not).
        { "NotNullOnMissingColumn_ListsSilverColumns", WithRule("not_null: { column: gone }"), 7, 9, [Missing("not_null_gone", "not_null")] },
        { "UniqueOnMissingColumn_ListsSilverColumns", WithRule("unique: { columns: [id, gone] }"), 7, 9, [Missing("unique_id_gone", "unique")] },
        { "AcceptedValuesOnMissingColumn_ListsSilverColumns", WithRule("accepted_values: { column: gone, values: [a] }"), 7, 9, [Missing("accepted_values_gone", "accepted_values")] },
        { "RangeOnMissingColumn_ListsSilverColumns", WithRule("range: { column: gone, min: 0 }"), 7, 9, [Missing("range_gone", "range")] },
        { "RegexOnMissingColumn_ListsSilverColumns", WithRule("regex: { column: gone, pattern: a }"), 7, 9, [Missing("regex_gone", "regex")] },
        { "MaxLengthOnMissingColumn_ListsSilverColumns", WithRule("max_length: { column: gone, length: 3 }"), 7, 9, [Missing("max_length_gone", "max_length")] },
        { "MaxLengthZero_IsRefused", WithRule("max_length: { column: id, length: 0 }"), 7, 43, ["`length` must be a whole number between 1 and 2147483647, found `0`"] },

        // Bounds that contradict each other or the column (issue 12, item 3), compared as the rule's SQL compares them.
        { "RangeMinAboveMax_IsRefused", WithTypedRule("range: { column: amount, min: 10, max: 1 }"), 7, 39, ["rule `range_amount` (range): `min` 10 is greater than `max` 1", "swap them"] },
        { "RangeDateMinAboveMax_IsRefused", WithTypedRule("range: { column: day, min: 2024-12-31, max: 2024-01-01 }"), 7, 36, ["`min` 2024-12-31 is greater than `max` 2024-01-01"] },
        { "RangeTextMinAboveMax_IsRefused", WithTypedRule("range: { column: id, min: b, max: a }"), 7, 35, ["`min` b is greater than `max` a"] },
        { "RangeBoundNotOfTheColumnType_IsRefused", WithTypedRule("range: { column: amount, min: zero }"), 7, 39, ["`min` `zero` is not a long value like column `amount`", "let every row pass"] },
        { "RangeFractionalBoundOnLong_IsRefused", WithTypedRule("range: { column: amount, max: 2.5 }"), 7, 39, ["`max` `2.5` is not a long value"] },
        { "RangeBadDateBound_IsRefused", WithTypedRule("range: { column: day, max: 2024-02-30 }"), 7, 36, ["`max` `2024-02-30` is not a date value"] },
    };

    private static string WithTypedRule(string rule) => $$"""
        dataset: orders
        tables:
          - name: t
            source: { path: a.json, format: json }
            columns: [{ name: id, type: string }, { name: amount, type: long }, { name: day, type: date }]
            rules:
              - {{rule}}
        """;

    private static string WithRule(string rule) => $$"""
        dataset: orders
        tables:
          - name: t
            source: { path: a.json, format: json }
            columns: [{ name: id, type: string }]
            rules:
              - {{rule}}
        """;

    private static string Missing(string rule, string kind) => $"rule `{rule}` ({kind}): column `gone` is not a silver column; silver columns are: id";
}
