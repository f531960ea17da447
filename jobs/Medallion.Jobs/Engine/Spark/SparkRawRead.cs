using Medallion.Jobs.Config;

namespace Medallion.Jobs.Engine.Spark;

/// <summary>
/// One call of Spark's DataFrame reader: <c>spark.Read().Format(Format).Schema(Schema).Options(Options).Load(Paths)</c>.
/// The job host unions the reads of a table and registers the result as <see cref="SparkBronzeSql.RawView"/>.
/// </summary>
/// <param name="Schema">A DDL schema (every declared field a STRING, plus the corrupt-record column), or null for Parquet, whose files carry their own types.</param>
internal sealed record SparkRawRead(string Format, string? Schema, IReadOnlyDictionary<string, string> Options, IReadOnlyList<string> Paths)
{
    /// <summary>The column Spark's PERMISSIVE mode fills with the text of a record it cannot parse.</summary>
    public const string CorruptColumn = "__corrupt";

    /// <summary>
    /// The reads for a table's files. JSON files named <c>*.ndjson</c> or <c>*.jsonl</c> are read a
    /// line per record; other JSON files hold one document (an array of records or one record) and
    /// are read whole (<c>multiLine</c>), which is how the samples' API exports are written.
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
                var schema = SparkReaderSchema.Ddl(table, withCorruptColumn: true);
                return new[]
                {
                    new SparkRawRead("json", schema, Permissive(new() { ["multiLine"] = "false" }), lines),
                    new SparkRawRead("json", schema, Permissive(new() { ["multiLine"] = "true" }), documents),
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
