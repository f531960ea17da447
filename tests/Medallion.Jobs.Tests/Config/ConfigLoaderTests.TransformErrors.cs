namespace Medallion.Jobs.Tests.Config;

public sealed partial class ConfigLoaderTests
{
    /// <summary>Transform items: the kind key, and the columns a kind reads at its step.</summary>
    public static TheoryData<string, string, int, int, string[]> TransformErrors => new()
    {
        {
            "UnknownTransformKind_ListsKinds",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
                transforms:
                  - uppercase: [id]
            """,
            7, 9, ["unknown transform `uppercase`", "kinds are: drop, rename, cast, split_date"]
        },
        {
            "TransformWithTwoKindKeys_NamesThem",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
                transforms:
                  - trim: [id]
                    empty_to_null: [id]
            """,
            7, 9, ["a transform must have exactly one key naming its kind, found trim, empty_to_null"]
        },
        {
            "TransformWithNoKindKey_SaysNone",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
                transforms:
                  - {}
            """,
            7, 9, ["exactly one key naming its kind, found none"]
        },
        {
            "TransformOnMissingColumn_ReportsAtTransform",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }, { name: title, type: string }]
                transforms:
                  - drop: [title]
                  - decode_html: [title]
            """,
            8, 9, ["decode_html: column `title` does not exist at this step; columns are: id"]
        },
        {
            "HashNotAList_ExpectsAList",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
                transforms:
                  - hash: id
            """,
            7, 15, ["`hash` must be a list, found `id`"]
        },
        {
            "HashOfNoColumns_NeedsOne",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: string }]
                transforms:
                  - hash: []
            """,
            7, 15, ["`hash` must list at least one value"]
        },
        {
            "HashOnNumber_NeedsString",
            """
            dataset: orders
            tables:
              - name: t
                source: { path: a.json, format: json }
                columns: [{ name: id, type: long }, { name: name, type: string }]
                transforms:
                  - hash: [name, id]
            """,
            7, 9, ["hash: column `id` is long but hash needs string; cast it first"]
        },
    };
}
