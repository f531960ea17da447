using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Medallion.Jobs.Config;

namespace Medallion.Jobs.Init;

/// <summary>
/// Writes the dataset YAML by hand rather than through a serializer: the file is for a person to
/// read and confirm, so it carries comments on what was inferred and from how many rows.
/// </summary>
internal static class DatasetYaml
{
    private const int CommentColumn = 72;
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Render(InitOptions options, SampleTable sample, IReadOnlyList<InferredColumn> columns, string? primaryKey)
    {
        var rows = sample.Rows.ToString(CultureInfo.InvariantCulture);
        var files = options.Files.Count == 1 ? Path.GetFileName(options.Files[0]) : $"{options.Files.Count} files";
        var yaml = new StringBuilder();
        if (options.SchemaReference is { } schema)
        {
            yaml.Append("# yaml-language-server: $schema=").AppendLine(schema);
        }

        yaml.AppendLine(CultureInfo.InvariantCulture, $"# Written by `{OneLine(options.CommandLine)}`");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"# from {rows} sampled row(s) of {OneLine(files)}. Types, the primary key and the rules are");
        yaml.AppendLine("# guesses from that sample: check them, then `medallion datasets` and `medallion run`.");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"dataset: {options.Dataset}");
        yaml.AppendLine("tables:");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  - name: {options.Table}");
        yaml.AppendLine("    source:");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"      path: {Quote(options.SourcePath)}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"      format: {options.Format.ToString().ToLowerInvariant()}");
        if (sample.Csv is { } csv)
        {
            yaml.AppendLine("      csv:");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"        header: {(csv.Header ? "true" : "false")}");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"        delimiter: {Quote(csv.Delimiter.ToString())}");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"        quote: {Quote(csv.Quote.ToString())}");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"        escape: {Quote(csv.Escape.ToString())}");
        }

        yaml.AppendLine(CultureInfo.InvariantCulture, $"    # Each type is the narrowest one every non-null value of the {rows} sampled row(s) casts to");
        yaml.AppendLine("    # exactly; a later value that does not fit is quarantined as `malformed`, never lost.");
        yaml.AppendLine("    columns:");
        foreach (var column in columns)
        {
            var entry = $"      - {{ name: {column.Name}, type: {TypeText(column.Type)}" +
                (column.Field == column.Name ? "" : $", field: {Quote(column.Field)}") +
                (column.Format is null ? "" : $", format: {Quote(column.Format)}") + " }";
            yaml.AppendLine(WithComment(entry, Comment(column)));
        }

        if (primaryKey is not null)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"    # `{primaryKey}` is unique and never null in the sample: a suggestion, confirm it.");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"    primary_key: [{primaryKey}]");
        }

        var neverNull = columns.Where(c => c.Statistics.Rows > 0 && c.Statistics.Nulls == 0).ToList();
        if (neverNull.Count > 0)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"    # Never null in the {rows} sampled row(s); uncomment the rules that must always hold:");
            yaml.AppendLine("    # rules:");
            foreach (var column in neverNull)
            {
                yaml.AppendLine(CultureInfo.InvariantCulture, $"    #   - not_null: {{ column: {column.Name} }}");
            }
        }

        // Each run reads only the raw files bronze has not ingested (ingestion: incremental, the default),
        // so a validated run upserts its rows by the suggested key, or appends them when there is none;
        // replacing current/ with a run's rows would drop what earlier runs promoted.
        yaml.AppendLine(primaryKey is null
            ? "    promotion: append   # each run reads only new raw files; add a primary_key and use merge to upsert"
            : "    promotion: merge    # each run reads only new raw files and upserts their rows by primary_key");
        return yaml.ToString();
    }

    private static string? Comment(InferredColumn column)
    {
        var s = column.Statistics;
        var parts = new List<string>();
        if (s.Nulls > 0 && s.NonNull > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"null in {s.Nulls} of {s.Rows} rows"));
        }

        if (column.Note is { } note)
        {
            parts.Add(note);
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static string WithComment(string line, string? comment) =>
        comment is null ? line : $"{line.PadRight(CommentColumn)} # {OneLine(comment)}";

    /// <summary>
    /// A quoted YAML scalar, so a path starting with <c>*</c> is not an alias and a header with <c>#</c>
    /// is not a comment: single-quoted (only <c>'</c> is escaped, as <c>''</c>) unless the text holds a
    /// control character, which needs double quotes and their JSON-compatible escapes.
    /// </summary>
    private static string Quote(string value) => value.Any(char.IsControl)
        ? JsonSerializer.Serialize(value, Relaxed)
        : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>Plain words stay plain; a decimal is quoted because inside { } YAML would split it at its comma.</summary>
    private static string TypeText(ColumnType type) => type.Kind == ColumnKind.Decimal ? Quote(type.ToString()) : type.ToString();

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
