using Medallion.Jobs.Config;
using Medallion.Jobs.Sql;

namespace Medallion.Jobs.Engine.Spark;

/// <summary>
/// One call of Spark's DataFrame reader: <c>spark.Read().Format(Format).Options(Options).Schema(Schema).Load(Paths)</c>.
/// The job host unions the reads of a table and registers the result as <see cref="SparkBronzeSql.RawView"/>;
/// a read that <see cref="IsShaped"/> first goes through <see cref="ShapeQuery"/>.
/// </summary>
/// <param name="Schema">
/// A DDL schema (every declared field a STRING, plus the corrupt-record column), or null for Parquet,
/// whose files carry their own types, and for the text read of JSON documents.
/// </param>
public sealed record SparkRawRead(string Format, string? Schema, IReadOnlyDictionary<string, string> Options, IReadOnlyList<string> Paths)
{
    /// <summary>The column Spark's PERMISSIVE mode fills with the text of a record it cannot parse.</summary>
    public const string CorruptColumn = "__corrupt";

    /// <summary>The temp view the job host registers a shaped read's loaded frame as; <see cref="ShapeQuery"/> reads it.</summary>
    public const string LoadedView = "raw_loaded";

    private static readonly SparkDialect Sql = SparkDialect.Instance;

    /// <summary>
    /// Whether the loaded frame is not yet in the shape of the other reads (the reader schema's
    /// columns), so the job host registers it as <see cref="LoadedView"/> and runs <see cref="ShapeQuery"/> over it.
    /// </summary>
    public bool IsShaped => Shape is not null;

    private string? Shape { get; init; }

    /// <summary>The query that turns the loaded frame into the reader schema's columns.</summary>
    /// <remarks>Throws <see cref="InvalidOperationException"/> when the read is not <see cref="IsShaped"/>.</remarks>
    public string ShapeQuery() =>
        Shape ?? throw new InvalidOperationException($"The {Format} read of {string.Join(", ", Paths)} needs no shaping: check IsShaped first.");

    /// <summary>
    /// The reads for a table's files. JSON files named <c>*.ndjson</c> or <c>*.jsonl</c> are read a
    /// line per record; other JSON files hold one document (an array of records or one record),
    /// which is how the samples' API exports are written: they are read whole as text and split
    /// into records by <see cref="ShapeQuery"/>.
    /// </summary>
    public static IReadOnlyList<SparkRawRead> For(TableSpec table, IReadOnlyList<string> paths)
    {
        switch (table.Source.Format)
        {
            case SourceFormat.Csv:
                var csv = table.Source.Csv;
                return
                [
                    new SparkRawRead("csv", SparkReaderSchema.Ddl(table, withCorruptColumn: true), Permissive(new()
                    {
                        ["header"] = csv.Header ? "true" : "false",
                        // With a header, Spark checks it against the schema's field names by position
                        // and fails on a difference instead of reading columns into the wrong fields.
                        ["enforceSchema"] = csv.Header ? "false" : "true",
                        ["sep"] = csv.Delimiter.ToString(),
                        ["quote"] = csv.Quote.ToString(),
                        ["escape"] = csv.Escape.ToString(),
                        // A quoted field may hold line breaks; without this Spark cuts the record at
                        // each one. The cost: a file is no longer split across tasks, so one large
                        // file is parsed by one task from its start.
                        ["multiLine"] = "true",
                    }), paths),
                ];
            case SourceFormat.Json:
                var lines = paths.Where(IsLineDelimited).ToList();
                var documents = paths.Where(p => !IsLineDelimited(p)).ToList();
                return new[]
                {
                    new SparkRawRead("json", SparkReaderSchema.Ddl(table, withCorruptColumn: true), Permissive(new() { ["multiLine"] = "false" }), lines),
                    // Not the JSON reader's multiLine mode: when one element of an array is not an
                    // object, it marks every record of the file corrupt, each with the whole file as
                    // its text. Read as text (one row per file), ShapeQuery quarantines only that element.
                    new SparkRawRead("text", null, new Dictionary<string, string>(StringComparer.Ordinal) { ["wholetext"] = "true" }, documents)
                    {
                        Shape = DocumentShape(table),
                    },
                }.Where(r => r.Paths.Count > 0).ToList();
            case SourceFormat.Parquet:
                // Without a schema Spark takes one file's footer as the schema of all of them; files
                // written at different times may add columns, so the footers are merged (the
                // counterpart of DuckDB's union_by_name).
                return [new SparkRawRead("parquet", null, new Dictionary<string, string>(StringComparer.Ordinal) { ["mergeSchema"] = "true" }, paths)];
            default:
                throw new ArgumentOutOfRangeException(nameof(table), table.Source.Format, "Unknown source format.");
        }
    }

    /// <summary>
    /// The records of JSON documents read as text, as the embedded engine reads them: each element
    /// of an array (or the one value of a document that is not an array) is a record; an element
    /// that is not an object, or an object that does not fit the schema, is malformed with its own
    /// text; a file that is not one valid JSON value is one malformed record holding the file's
    /// text; a blank file holds no records. Nothing changes the rows' order, so records keep their
    /// element order in the scan order that <see cref="SparkBronzeSql"/> numbers them by, and
    /// <c>input_file_name()</c> still names the file: there is no shuffle between the scan and it.
    /// </summary>
    private static string DocumentShape(TableSpec table)
    {
        var corrupt = Sql.Identifier(CorruptColumn);
        var fields = SparkReaderSchema.Columns(table).Select(c => "__parsed." + Sql.Identifier(c));
        return
            // JSON whitespace and a byte-order mark (which the text reader keeps) are not part of the document.
            $"WITH documents AS (\n  SELECT value, trim(BOTH '\\uFEFF \\t\\r\\n' FROM value) AS __document\n  FROM {LoadedView}\n),\n" +
            // The document is exactly one JSON value when wrapping it as the first of two array
            // elements gives two: trailing text or a second value (lines of objects) makes it invalid.
            "checked AS (\n  SELECT value, __document, coalesce(json_array_length(concat('[', __document, ',0]')) = 2, false) AS __valid\n" +
            "  FROM documents WHERE __document <> ''\n),\n" +
            // For an element of type STRING, Spark's JSON parser gives an object or array as its
            // compact JSON text, but a string as its content: unlike the embedded engine, a string
            // element's raw text has no quotes, and one holding an object's JSON reads as that object.
            // A valid array that still fails to split becomes one malformed record instead of vanishing.
            "elements AS (\n  SELECT explode(CASE WHEN NOT __valid THEN array(value) WHEN startswith(__document, '[') " +
            "THEN coalesce(from_json(__document, 'ARRAY<STRING>'), array(value)) ELSE array(__document) END) AS __element, __valid\n" +
            "  FROM checked\n),\n" +
            // The parser writes an element's JSON without leading whitespace, so '{' marks an object.
            "objects AS (\n  SELECT __element, CASE WHEN __valid AND startswith(__element, '{') THEN __element END AS __object\n  FROM elements\n),\n" +
            // The corrupt-record column tells an object that does not parse from one whose fields are
            // all null; the options also keep Spark's optimizer from pruning the schema per field.
            $"parsed AS (\n  SELECT __element, __object, from_json(__object, {Sql.StringLiteral(SparkReaderSchema.Ddl(table, withCorruptColumn: true))}, " +
            $"map('columnNameOfCorruptRecord', {Sql.StringLiteral(CorruptColumn)})) AS __parsed\n  FROM objects\n)\n" +
            // A JSON null element is NULL here; its text is 'null'.
            $"SELECT {string.Join(", ", fields)},\n  CASE WHEN __object IS NULL THEN coalesce(__element, 'null') ELSE __parsed.{corrupt} END AS {corrupt}\n" +
            "FROM parsed";
    }

    private static bool IsLineDelimited(string path) =>
        path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);

    /// <summary>PERMISSIVE keeps a record Spark cannot parse, its text in <see cref="CorruptColumn"/>.</summary>
    private static Dictionary<string, string> Permissive(Dictionary<string, string> options)
    {
        options["mode"] = "PERMISSIVE";
        options["columnNameOfCorruptRecord"] = CorruptColumn;
        return options;
    }
}
