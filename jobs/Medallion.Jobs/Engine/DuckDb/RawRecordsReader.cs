using System.Globalization;
using System.Text;
using Medallion.Jobs.Config;
using Medallion.Jobs.Sql;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>
/// Reads a table's raw files into the temp table <c>raw_records</c>: one VARCHAR column per
/// declared bronze column (<c>__f_0</c>, <c>__f_1</c>, …), the source file, and for records that
/// cannot be read the reason (<c>__malformed</c>) and original text (<c>__raw</c>). Nothing is
/// dropped: CSV lines DuckDB rejects (wrong field count, invalid UTF-8) and JSON lines that do
/// not parse become malformed records.
/// </summary>
internal sealed class RawRecordsReader(DuckDbSession session)
{
    public const string Table = "raw_records";
    private static readonly DuckDbDialect Sql = DuckDbDialect.Instance;

    /// <summary>The statements that load <paramref name="files"/> (for <c>medallion plan</c> and for running).</summary>
    public static IEnumerable<string> Statements(TableSpec table, IReadOnlyList<string> files)
    {
        yield return CreateTable(table);
        switch (table.Source.Format)
        {
            case SourceFormat.Csv:
                yield return $"-- CSV: columns are mapped by header name; every rejected line becomes a malformed record\n{InsertCsv(table, files, Enumerable.Range(0, table.Columns.Count).ToList(), 0)}";
                yield return InsertRejects(table, 0);
                break;
            case SourceFormat.Json:
                yield return $"-- newline-delimited JSON (a file holding one JSON array is read with read_json_objects(format = 'array'))\n{InsertJsonLines(table, files, 0)}";
                yield return InsertRejects(table, 0);
                break;
            case SourceFormat.Parquet:
                yield return InsertParquet(table, files);
                break;
        }
    }

    /// <summary>Loads the files, in name order, into <c>raw_records</c>.</summary>
    public void Load(TableSpec table, IReadOnlyList<string> files, CancellationToken cancellationToken = default) =>
        session.InInputOrder(() => LoadInOrder(table, files, cancellationToken));

    private void LoadInOrder(TableSpec table, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        session.Execute(CreateTable(table), cancellationToken);
        switch (table.Source.Format)
        {
            case SourceFormat.Csv:
                LoadCsv(table, files, cancellationToken);
                break;
            case SourceFormat.Json:
                LoadJson(table, files, cancellationToken);
                break;
            case SourceFormat.Parquet when files.Count > 0:
                session.Execute(InsertParquet(table, files), cancellationToken);
                break;
        }
    }

    private void LoadCsv(TableSpec table, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        // Files with the same header are read together; each declared column is found by name.
        var groups = files.GroupBy(f => CsvHeader.Read(f, table.Source.Csv), StringComparer.Ordinal).ToList();
        for (var group = 0; group < groups.Count; group++)
        {
            var positions = table.Source.Csv.Header
                ? CsvHeader.Positions(groups[group].Key, table, groups[group].First())
                : Enumerable.Range(0, table.Columns.Count).ToList();
            session.Execute(InsertCsv(table, groups[group].ToList(), positions, group, CsvHeader.Count(groups[group].Key, table)), cancellationToken);
            session.Execute(InsertRejects(table, group), cancellationToken);
        }
    }

    private void LoadJson(TableSpec table, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        foreach (var file in files)
        {
            if (!JsonArrayFile.IsArray(file))
            {
                lines.Add(file);
                continue;
            }

            // Keep name order: flush the newline-delimited files read so far first.
            FlushLines();
            try
            {
                session.Execute(InsertJsonArray(table, file), cancellationToken);
            }
            catch (DuckDbEngineException error)
            {
                session.Execute(InsertUnreadableFile(table, file, $"not a valid JSON array: {FirstLine(error.Message)}"), cancellationToken);
            }
        }

        FlushLines();

        void FlushLines()
        {
            if (lines.Count == 0)
            {
                return;
            }

            session.Execute(InsertJsonLines(table, lines, 0), cancellationToken);
            session.Execute(InsertRejects(table, 0), cancellationToken);
            lines.Clear();
        }
    }

    private static string CreateTable(TableSpec table)
    {
        var fields = Enumerable.Range(0, table.Columns.Count).Select(i => $"__f_{i} VARCHAR");
        return $"CREATE OR REPLACE TEMP TABLE {Table} ({string.Join(", ", fields)}, _source_file VARCHAR, __malformed VARCHAR, __raw VARCHAR)";
    }

    private static string InsertCsv(TableSpec table, IReadOnlyList<string> files, IReadOnlyList<int> positions, int group, int? fieldCount = null)
    {
        var csv = table.Source.Csv;
        var count = fieldCount ?? table.Columns.Count;
        var columns = string.Join(", ", Enumerable.Range(0, count).Select(i => $"'c{i}': 'VARCHAR'"));
        var select = positions.Select(p => $"c{p}");
        return $"INSERT INTO {Table} SELECT {string.Join(", ", select)}, filename, NULL, NULL\n" +
            $"FROM read_csv({FileList(files)}, header = {(csv.Header ? "true" : "false")}, auto_detect = false, columns = {{{columns}}}, " +
            $"delim = {Sql.StringLiteral(csv.Delimiter.ToString())}, quote = {Sql.StringLiteral(csv.Quote.ToString())}, escape = {Sql.StringLiteral(csv.Escape.ToString())}, " +
            $"filename = true, store_rejects = true, rejects_table = 'raw_rejects_{group}', rejects_scan = 'raw_scans_{group}')";
    }

    /// <summary>Lines DuckDB rejected, one malformed record per line, with every error it found on it.</summary>
    private static string InsertRejects(TableSpec table, int group)
    {
        var nulls = string.Concat(Enumerable.Repeat("NULL, ", table.Columns.Count));
        return $"INSERT INTO {Table} SELECT {nulls}s.file_path, " +
            "string_agg(CAST(e.error_type AS VARCHAR) || ': ' || e.error_message, '; ') || ' (line ' || CAST(e.line AS VARCHAR) || ')', any_value(e.csv_line)\n" +
            $"FROM raw_rejects_{group} e JOIN raw_scans_{group} s ON e.scan_id = s.scan_id AND e.file_id = s.file_id\n" +
            "GROUP BY s.file_path, e.line ORDER BY s.file_path, e.line";
    }

    private static string InsertJsonLines(TableSpec table, IReadOnlyList<string> files, int group) =>
        // A valid JSON line never holds a raw control character, so U+001F can serve as a
        // delimiter that never splits one: every line arrives whole as one VARCHAR. A valid JSON
        // text is an object exactly when its first character after JSON whitespace is '{': that
        // check instead of json_type saves parsing every line a third time (1.3 s per 3.4 M lines).
        // Both that check and the blank-line filter look at the first character before trimming:
        // trim copies the whole line, and trimming every line cost 1.5 s per 3.4 M lines.
        $"INSERT INTO {Table} SELECT {JsonFields(table)}, filename, " +
        "CASE WHEN __object IS NULL THEN 'not a JSON object' END, CASE WHEN __object IS NULL THEN line END\n" +
        $"FROM (SELECT line, filename, __object, {JsonValues(table, "__object")}\n" +
        "  FROM (SELECT line, filename, CASE WHEN json_valid(line) AND (ascii(line) = 123 OR starts_with(ltrim(line, e' \\t\\r\\n'), '{')) THEN line END AS __object\n" +
        $"    FROM read_csv({FileList(files)}, header = false, auto_detect = false, columns = {{'line': 'VARCHAR'}}, delim = chr(31), quote = '', escape = '', " +
        $"filename = true, store_rejects = true, rejects_table = 'raw_rejects_{group}', rejects_scan = 'raw_scans_{group}')\n" +
        "    WHERE line IS NOT NULL AND (ascii(line) BETWEEN 33 AND 126 OR trim(line) <> '')))";

    private static string InsertJsonArray(TableSpec table, string file) =>
        $"INSERT INTO {Table} SELECT {JsonFields(table)}, filename, " +
        "CASE WHEN __object IS NULL THEN 'array element is not a JSON object' END, CASE WHEN __object IS NULL THEN CAST(json AS VARCHAR) END\n" +
        $"FROM (SELECT json, filename, __object, {JsonValues(table, "__object")}\n" +
        "  FROM (SELECT json, filename, CASE WHEN json_type(json) = 'OBJECT' THEN json END AS __object\n" +
        $"    FROM read_json_objects({FileList([file])}, format = 'array', filename = true)))";

    private static string InsertUnreadableFile(TableSpec table, string file, string reason)
    {
        var nulls = string.Concat(Enumerable.Repeat("NULL, ", table.Columns.Count));
        return $"INSERT INTO {Table} VALUES ({nulls}{Sql.StringLiteral(file)}, {Sql.StringLiteral(reason)}, NULL)";
    }

    private static string InsertParquet(TableSpec table, IReadOnlyList<string> files)
    {
        var fields = table.Columns.Select(c => $"CAST({string.Join(".", c.Field.Split('.').Select(Sql.Identifier))} AS VARCHAR)");
        return $"INSERT INTO {Table} SELECT {string.Join(", ", fields)}, filename, NULL, NULL\n" +
            $"FROM read_parquet({FileList(files)}, union_by_name = true, filename = true)";
    }

    /// <summary>
    /// Every declared field of a JSON object as text, in one list (<c>__values</c>): the list form of
    /// json_extract_string parses the object once, where one call per field parsed it once per field.
    /// </summary>
    private static string JsonValues(TableSpec table, string source) =>
        $"json_extract_string({source}, [{string.Join(", ", table.Columns.Select(c => Sql.StringLiteral("$" + string.Concat(c.Field.Split('.').Select(p => "." + JsonKey(p))))))}]) AS __values";

    private static string JsonFields(TableSpec table) => string.Join(", ", table.Columns.Select((_, i) => $"__values[{i + 1}]"));

    private static string JsonKey(string key) => "\"" + key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string FileList(IReadOnlyList<string> files) => "[" + string.Join(", ", files.Select(Sql.StringLiteral)) + "]";

    private static string FirstLine(string message) => message.Split('\n')[0];
}
