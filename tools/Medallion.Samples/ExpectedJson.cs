using System.Text.Json;

namespace Medallion.Samples;

/// <summary>
/// Writes <c>_expected.json</c>: the generator's arguments and, per table, the counts a correct
/// run must report. Keys are written in a fixed order with <c>\n</c> line ends so the file is
/// byte-identical on every OS.
/// </summary>
internal static class ExpectedJson
{
    public const string FileName = "_expected.json";

    public static void Write(SampleGenerationResult result, string outputDirectory)
    {
        using var stream = new FileStream(Path.Combine(outputDirectory, FileName), FileMode.Create, FileAccess.Write);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" });
        json.WriteStartObject();
        json.WriteString("dataset", result.Dataset);
        json.WriteStartObject("generator");
        json.WriteNumber("rows", result.Rows);
        json.WriteNumber("bad_share", result.BadShare);
        json.WriteNumber("seed", result.Seed);
        json.WriteString("format", result.Format.ToString().ToLowerInvariant());
        json.WriteEndObject();
        json.WriteStartObject("tables");
        foreach (var table in result.Tables)
        {
            WriteTable(json, table);
        }

        json.WriteEndObject();
        json.WriteStartArray("unconfigured_files");
        foreach (var file in result.UnconfiguredFiles)
        {
            json.WriteStringValue(file);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    }

    private static void WriteTable(Utf8JsonWriter json, SampleTableResult table)
    {
        json.WriteStartObject(table.Table);
        json.WriteString("file", table.FileName);
        json.WriteNumber("bytes", table.Bytes);
        json.WriteNumber("rows_read", table.RowsRead);
        json.WriteNumber("silver_rows", table.SilverRows);
        json.WriteNumber("quarantined_rows", table.QuarantinedRows);
        json.WriteNumber("duplicates_removed", table.DuplicatesRemoved);
        json.WriteNumber("filtered_rows", table.FilteredRows);
        json.WriteNumber("rows_with_multiple_failures", table.RowsWithMultipleFailures);
        WriteCounts(json, "rule_failures", table.RuleFailures);
        WriteCounts(json, "bad_rows_written", table.BadRowsWritten);
        json.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, long> counts)
    {
        json.WriteStartObject(name);
        foreach (var (key, count) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            json.WriteNumber(key, count);
        }

        json.WriteEndObject();
    }
}
