using Medallion.Jobs.Config.Casting;
using System.Text.Json.Nodes;
using Medallion.Jobs.Config.Rules;

namespace Medallion.Jobs.Config.Schema;

/// <summary>
/// The JSON Schema of <c>datasets/&lt;dataset&gt;.yaml</c>, built from what the loader reads: the
/// table keys, formats, promotions and severities of the parsers, the kinds of the catalogues, the
/// name patterns of <see cref="ConfigNames"/> and the types of <see cref="ColumnType"/>.
/// </summary>
internal static class DatasetSchema
{
    private const string DecimalPattern = "^decimal\\s*\\(\\s*\\d{1,2}\\s*,\\s*\\d{1,2}\\s*\\)$";

    public static JsonObject Build()
    {
        var definitions = new JsonObject
        {
            ["table"] = Table(),
            ["source"] = Source(),
            ["csv"] = Csv(),
            ["column"] = Column(),
            ["columnName"] = Json.String("A column name; names starting with _ are reserved for lineage columns.", ConfigNames.ColumnPattern),
            ["columnType"] = ColumnTypeSchema(),
            ["castedColumn"] = CastedColumn(),
            ["transform"] = Transform(),
            ["rule"] = Rule(),
            ["validation"] = Validation(),
            ["promotion"] = Promotion(),
        };
        var root = Json.Object(
            "A Medallion dataset: one source system with one or more tables (docs/configuration.md).",
            [
                ("dataset", Json.String("The dataset name; must equal the file name without .yaml.", ConfigNames.DatasetOrTablePattern)),
                ("description", Json.String("What the dataset is.")),
                ("schedule", Json.String("An EventBridge Scheduler expression, e.g. cron(0 3 * * ? *).")),
                ("trigger", Json.Enum("s3: a deployed environment runs the dataset for each object landing under its raw prefix (EventBridge S3 Object Created).", DatasetParser.Triggers.Keys)),
                ("tables", Json.List("The dataset's tables.", Json.Ref("table"))),
            ],
            "dataset", "tables");
        return ConfigSchemas.Document("Medallion dataset (conf/datasets/<dataset>.yaml)", root, definitions);
    }

    private static JsonObject Table()
    {
        var properties = new Dictionary<string, JsonObject>(StringComparer.Ordinal)
        {
            ["name"] = Json.String("The table name, unique within the dataset.", ConfigNames.DatasetOrTablePattern),
            ["schema_version"] = Json.String("Part of the lake path; default v1.", "^v[0-9]{1,9}$"),
            ["schema_evolution"] = Json.Enum(
                "What a run does when columns were added to the configuration: fail (default) or add_columns (add them to the existing tables; older rows read null).",
                TableParser.SchemaEvolutions.Keys),
            ["source"] = Json.Ref("source"),
            ["columns"] = Json.List("The bronze columns, in order.", Json.Ref("column")),
            ["primary_key"] = Json.List("The key columns.", Json.Ref("columnName"), minItems: 0),
            ["partition_by"] = Json.List("Silver partition columns; they must exist after the transforms.", Json.Ref("columnName"), minItems: 0),
            ["transforms"] = Json.List("Silver transforms, in order.", Json.Ref("transform"), minItems: 0),
            ["rules"] = Json.List("Silver quality rules.", Json.Ref("rule"), minItems: 0),
            ["validation"] = ValidationOrNone(),
            ["promotion"] = Json.Ref("promotion"),
            ["ingestion"] = Json.Enum(
                "Which raw files a run reads: incremental (default) only the objects bronze has not ingested or that changed; full every matching object.",
                TableParser.Ingestions.Keys),
        };

        // The loader's own key list decides which keys a table has; a key it gains without a schema here fails generation.
        var missing = TableParser.AllowedKeys.Where(k => !properties.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"table key(s) {string.Join(", ", missing)} have no JSON Schema; add them to {nameof(DatasetSchema)}");
        }

        return Json.Object("A table.", TableParser.AllowedKeys.Select(k => (k, properties[k])), "name", "source", "columns");
    }

    /// <summary>A mode name, or a mapping with the mode and the merge settings (<see cref="PromotionParser.MappingKeys"/>).</summary>
    private static JsonObject Promotion()
    {
        var mode = Json.Enum("How a validated run is promoted to current/; default replace_partitions (docs/orchestration.md).", PromotionParser.Modes.Keys);
        var shapes = new Dictionary<string, JsonObject>(StringComparer.Ordinal)
        {
            ["mode"] = mode,
            ["order_by"] = Json.String("merge only: the column whose larger value makes a row newer; default: the run's rows win, a later raw file within a run."),
            ["delete_when"] = Json.String("merge only: a SQL condition over silver columns marking tombstone rows, which delete their key."),
        };
        return new JsonObject
        {
            ["description"] = "How a validated run is promoted to current/: a mode, or { mode, order_by, delete_when } for merge.",
            ["anyOf"] = new JsonArray(mode.DeepClone(), Json.Object("A promotion mode with settings.", PromotionParser.MappingKeys.Select(k => (k, shapes[k])), "mode")),
        };
    }

    private static JsonObject Source() => Json.Object(
        "Where the raw files are and how to read them.",
        [
            ("path", Json.String("A glob under the environment's raw_root, e.g. orders/*.csv.")),
            ("format", Json.Enum("The file format.", SourceParser.Formats.Keys)),
            ("csv", Json.Ref("csv")),
        ],
        "path", "format");

    private static JsonObject Csv() => Json.Object(
        "The CSV dialect (format csv only); every key optional.",
        [
            ("header", Json.Boolean("Whether the first line names the fields; default true.")),
            ("delimiter", Character("The field delimiter; default ,.")),
            ("quote", Character("The quote character; default \".")),
            ("escape", Character("The escape character inside quotes; default \".")),
        ]);

    private static JsonObject Character(string description) =>
        new() { ["type"] = "string", ["description"] = description, ["minLength"] = 1, ["maxLength"] = 1 };

    private static JsonObject Column() => Json.Object(
        "A bronze column.",
        [
            ("name", Json.Ref("columnName")),
            ("type", Json.Ref("columnType")),
            ("field", Json.String("The JSON path (a.b) or CSV header when it differs from the name.")),
            ("required", Json.Boolean("Whether every CSV file must have this column; when false a file without it reads null; default true.")),
            .. CastOptionShapes(),
        ],
        "name", "type");

    /// <summary>A <c>cast</c> target with options: <c>{ type: …, format: …, round: … }</c>.</summary>
    private static JsonObject CastedColumn() => Json.Object(
        "A type with cast options (docs/types.md).",
        [("type", Json.Ref("columnType")), .. CastOptionShapes()],
        "type");

    /// <summary>The keys of <see cref="CastOptions.Keys"/>, in that order.</summary>
    private static IEnumerable<(string Key, JsonObject Schema)> CastOptionShapes()
    {
        var pattern = Json.String("A date/timestamp pattern (yyyy MM dd HH mm ss S… a X 'literal'), or iso.");
        var shapes = new Dictionary<string, JsonObject>(StringComparer.Ordinal)
        {
            ["format"] = new JsonObject
            {
                ["description"] = "date/timestamp only: the pattern, or patterns tried in order; default iso.",
                ["anyOf"] = new JsonArray(pattern, Json.List("Patterns tried in order.", Json.String("A pattern, or iso."))),
            },
            ["round"] = Json.Enum("decimal only: round extra fractional digits instead of failing the cast.", ["half_even", "half_up"]),
            ["thousands"] = Character("int, long, decimal: the thousands separator accepted between digit groups."),
            ["true_values"] = Json.List("boolean only: the words read as true (any letter case).", Json.String("A word.")),
            ["false_values"] = Json.List("boolean only: the words read as false (any letter case).", Json.String("A word.")),
        };
        return CastOptions.Keys.Select(k => (k, shapes[k]));
    }

    private static JsonObject ColumnTypeSchema()
    {
        var simple = Enum.GetValues<ColumnKind>().Where(k => k != ColumnKind.Decimal).Select(k => k.ToString().ToLowerInvariant());
        return new JsonObject
        {
            ["description"] = $"A column type: {ColumnType.Expected}; quote decimal(p,s) inside {{ }}.",
            ["anyOf"] = new JsonArray(
                Json.Enum("A column type.", simple),
                Json.String("decimal(precision, scale), 1 <= precision <= 38, scale <= precision.", DecimalPattern)),
        };
    }

    private static JsonObject Transform()
    {
        var node = Json.Object("A silver transform: one key naming its kind.", KindShapes.TransformKinds());
        node["minProperties"] = 1;
        node["maxProperties"] = 1;
        return node;
    }

    private static JsonObject Rule()
    {
        var kinds = KindShapes.RuleKinds().ToList();
        var modifiers = new Dictionary<string, JsonObject>(StringComparer.Ordinal)
        {
            ["name"] = Json.String("The rule name; default <kind>_<columns>.", "^[A-Za-z][A-Za-z0-9_]{0,127}$"),
            ["severity"] = Json.Enum("warn counts only; quarantine (default) sets the row aside; fail fails the run.", RuleParser.Severities.Keys),
            ["threshold"] = Json.Number("With severity fail: fail only when more than this share of rows breaks the rule.", 0, 1),
        };
        var node = Json.Object(
            "A silver quality rule: one key naming its kind, plus optional name, severity and threshold.",
            kinds.Concat(RuleParser.Modifiers.Select(m => (m, modifiers[m]))));
        node["oneOf"] = new JsonArray(kinds.Select(k => (JsonNode)new JsonObject { ["required"] = Json.Array([k.Kind]) }).ToArray());
        return node;
    }

    private static JsonObject Validation() => Json.Object(
        "Gate thresholds for medallion validate; a key not written keeps its default.",
        [
            ("min_rows", Json.Integer("Fewest silver rows a run may have; default 1.", 0)),
            ("max_quarantine_ratio", Json.Number("Largest quarantined share of rows read; default 0.5.", 0, 1)),
            ("max_row_change_ratio", Json.Number("Largest relative change in silver rows against the promoted run; default none.", 0)),
        ]);

    /// <summary>The table's <c>validation</c>: the thresholds, or <c>none</c> to opt out of them.</summary>
    private static JsonObject ValidationOrNone() => new()
    {
        ["description"] = $"Gate thresholds for medallion validate (default min_rows 1, max_quarantine_ratio 0.5), or `{TableParser.NoValidation}` to opt out of them.",
        ["anyOf"] = new JsonArray(Json.Ref("validation"), Json.Enum("Opt out of the default gate thresholds.", [TableParser.NoValidation])),
    };
}
