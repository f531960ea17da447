using System.Text.Json.Nodes;
using Medallion.Jobs.Config.Rules;
using Medallion.Jobs.Config.Transforms;

namespace Medallion.Jobs.Config.Schema;

/// <summary>
/// The YAML shape under each transform and rule kind key. The kinds themselves come from
/// <see cref="TransformCatalogue"/> and <see cref="RuleCatalogue"/>: a kind listed there without a
/// shape here fails schema generation (and its test), and ConfigSchemaTests checks each object's keys
/// against the keys the kind's parser accepts.
/// </summary>
internal static class KindShapes
{
    private static readonly Dictionary<string, Func<JsonObject>> Transforms = new(StringComparer.Ordinal)
    {
        [DropTransform.KindName] = () => Columns("Removes these columns."),
        [RenameTransform.KindName] = () => Map("Renames columns, in the order written: { old: new }.", Column("The new name.")),
        [CastTransform.KindName] = () => Map(
            "Retypes columns: { column: type } or { column: { type, format, … } }; a value that does not cast breaks the implicit rule cast_<column>.",
            new JsonObject { ["anyOf"] = new JsonArray(Json.Ref("columnType"), Json.Ref("castedColumn")) }),
        [SplitDateTransform.KindName] = () => Json.Object(
            "Adds int columns <prefix>_year, _month, _day from a date or timestamp column (UTC).",
            [
                ("column", Column("The date or timestamp column.")),
                ("prefix", Json.String("Prefix of the new columns; default: the column name.")),
                ("parts", Json.List("Which parts; default all three.", Json.Enum("A date part.", ["year", "month", "day"]))),
            ],
            "column"),
        [DecodeHtmlTransform.KindName] = () => Columns("Decodes HTML entities in these string columns."),
        [ReplaceTransform.KindName] = () => Json.Object(
            "Literal find/replace in string columns.",
            [
                ("columns", Columns("The columns to change.")),
                ("find", Json.Scalar("The text to find.")),
                ("with", new JsonObject { ["type"] = Json.Array(["string", "number", "boolean", "null"]), ["description"] = "The replacement (may be empty)." }),
            ],
            "columns", "find", "with"),
        [TrimTransform.KindName] = () => Columns("Strips leading and trailing white space."),
        [EmptyToNullTransform.KindName] = () => Columns("Empty strings become null."),
        [DeriveTransform.KindName] = () => Json.Object(
            "Adds or replaces a column from a SQL expression both engines accept.",
            [("column", Column("The column to write.")), ("type", Json.Ref("columnType")), ("expression", Json.String("The SQL expression."))],
            "column", "type", "expression"),
        [FilterTransform.KindName] = () => Json.String("Keeps rows where this SQL condition is true; the others are counted as filtered."),
        [DeduplicateTransform.KindName] = () => Json.Object(
            "One row per key, the latest (or first) by order_by; the others are counted as duplicates removed.",
            [
                ("key", Columns("The key columns.")),
                ("order_by", Column("The column that orders the rows of a key.")),
                ("keep", Json.Enum("Which row of a key to keep; default latest.", ["latest", "first"])),
            ],
            "key", "order_by"),
        [HashTransform.KindName] = () => Columns("SHA-256 (64 lower-case hex digits) of these string columns; nulls stay null."),
    };

    private static readonly Dictionary<string, Func<JsonObject>> Rules = new(StringComparer.Ordinal)
    {
        [NotNullRule.KindName] = () => Json.Object("Passes when the column is not null.", [("column", Column("The column."))], "column"),
        [UniqueRule.KindName] = () => Json.Object(
            "The first row of a key passes; later rows with the same key break it; null keys are not checked.",
            [("columns", Columns("The key columns."))],
            "columns"),
        [AcceptedValuesRule.KindName] = () => Json.Object(
            "Passes when null or one of the values (compared as text).",
            [("column", Column("The column.")), ("values", Json.List("The accepted values.", Json.Scalar("A value.")))],
            "column", "values"),
        [RangeRule.KindName] = () => Json.Object(
            "Passes when null or min <= value <= max (either bound optional).",
            [("column", Column("The column.")), ("min", Json.Scalar("The smallest value allowed.")), ("max", Json.Scalar("The largest value allowed."))],
            "column"),
        [RegexRule.KindName] = () => Json.Object(
            "Passes when null or the RE2 pattern matches.",
            [("column", Column("The column.")), ("pattern", Json.String("An RE2 regular expression."))],
            "column", "pattern"),
        [MaxLengthRule.KindName] = () => Json.Object(
            "Passes when null or at most length characters.",
            [("column", Column("The column.")), ("length", Json.Integer("The most characters allowed.", 1))],
            "column", "length"),
        [ExpressionRule.KindName] = () => Json.Object("Passes when the SQL condition is true or null.", [("sql", Json.String("The SQL condition."))], "sql"),
    };

    /// <summary>Each transform kind, in catalogue order, with its shape.</summary>
    /// <exception cref="InvalidOperationException">A catalogue kind has no shape here.</exception>
    public static IEnumerable<(string Kind, JsonObject Shape)> TransformKinds() =>
        TransformCatalogue.All.Select(k => (k.Name, Shape(Transforms, k.Name, "transform")));

    /// <summary>Each rule kind, in catalogue order, with its shape.</summary>
    /// <exception cref="InvalidOperationException">A catalogue kind has no shape here.</exception>
    public static IEnumerable<(string Kind, JsonObject Shape)> RuleKinds() =>
        RuleCatalogue.All.Select(k => (k.Name, Shape(Rules, k.Name, "rule")));

    private static JsonObject Shape(Dictionary<string, Func<JsonObject>> shapes, string kind, string what) =>
        shapes.TryGetValue(kind, out var shape)
            ? shape()
            : throw new InvalidOperationException($"{what} kind `{kind}` has no JSON Schema shape; add it to {nameof(KindShapes)} (jobs/Medallion.Jobs/Config/Schema/KindShapes.cs)");

    private static JsonObject Column(string description) => Json.Ref("columnName", description);

    private static JsonObject Columns(string description) => Json.List(description, Json.Ref("columnName"));

    private static JsonObject Map(string description, JsonObject values) =>
        new() { ["type"] = "object", ["description"] = description, ["propertyNames"] = Json.Ref("columnName"), ["additionalProperties"] = values };
}
