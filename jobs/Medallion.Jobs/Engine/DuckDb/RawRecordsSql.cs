using Medallion.Jobs.Config;
using Medallion.Jobs.Sql;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>
/// The statements <see cref="RawRecordsReader"/> runs. File arguments are passed literally
/// (<see cref="RawFileNames.DuckDbLiteral"/>) except in <c>medallion plan</c>'s listing, which shows
/// the table's glob. <c>sourceName</c>, where given, replaces DuckDB's <c>filename</c>: a file read
/// from a repaired copy keeps the name of the file it came from.
/// </summary>
internal static class RawRecordsSql
{
    public const string Table = "raw_records";
    private static readonly DuckDbDialect Sql = DuckDbDialect.Instance;

    public static string CreateTable(TableSpec table)
    {
        var fields = Enumerable.Range(0, table.Columns.Count).Select(i => $"__f_{i} VARCHAR");
        return $"CREATE OR REPLACE TEMP TABLE {Table} ({string.Join(", ", fields)}, _source_file VARCHAR, __malformed VARCHAR, __raw VARCHAR)";
    }

    /// <param name="read">Numbers this read's rejects tables, so no later read inserts its rejects again.</param>
    public static string InsertCsv(TableSpec table, ReadFiles files, IReadOnlyList<int> positions, int read, int? fieldCount = null)
    {
        var csv = table.Source.Csv;
        var count = fieldCount ?? table.Columns.Count;
        var columns = string.Join(", ", Enumerable.Range(0, count).Select(i => $"'c{i}': 'VARCHAR'"));
        var select = positions.Select(p => p == CsvHeader.Absent ? "NULL" : $"c{p}");
        return $"INSERT INTO {Table} SELECT {string.Join(", ", select)}, {files.SourceName}, NULL, NULL\n" +
            $"FROM read_csv({files.List}, header = {(csv.Header ? "true" : "false")}, auto_detect = false, columns = {{{columns}}}, " +
            $"delim = {Sql.StringLiteral(csv.Delimiter.ToString())}, quote = {Sql.StringLiteral(csv.Quote.ToString())}, escape = {Sql.StringLiteral(csv.Escape.ToString())}, " +
            $"filename = true, store_rejects = true, rejects_table = 'raw_rejects_{read}', rejects_scan = 'raw_scans_{read}')";
    }

    /// <summary>Lines DuckDB rejected in read <paramref name="read"/>, one malformed record per line, with every error it found on it.</summary>
    public static string InsertRejects(TableSpec table, ReadFiles files, int read)
    {
        var nulls = string.Concat(Enumerable.Repeat("NULL, ", table.Columns.Count));
        var file = files.Renamed ? files.SourceName : "s.file_path";
        return $"INSERT INTO {Table} SELECT {nulls}{file}, " +
            "string_agg(CAST(e.error_type AS VARCHAR) || ': ' || e.error_message, '; ') || ' (line ' || CAST(e.line AS VARCHAR) || ')', any_value(e.csv_line)\n" +
            $"FROM raw_rejects_{read} e JOIN raw_scans_{read} s ON e.scan_id = s.scan_id AND e.file_id = s.file_id\n" +
            "GROUP BY s.file_path, e.line ORDER BY s.file_path, e.line";
    }

    public static string InsertJsonLines(TableSpec table, ReadFiles files, int read) =>
        // A valid JSON line never holds a raw control character, so U+001F can serve as a
        // delimiter that never splits one: every line arrives whole as one VARCHAR. A valid JSON
        // text is an object exactly when its first character after JSON whitespace is '{': that
        // check instead of json_type saves parsing every line a third time (1.3 s per 3.4 M lines).
        // Both that check and the blank-line filter look at the first character before trimming:
        // trim copies the whole line, and trimming every line cost 1.5 s per 3.4 M lines.
        $"INSERT INTO {Table} SELECT {JsonFields(table, "__object")}, {files.SourceName}, {JsonReason("not a JSON object")}, {JsonRaw("line")}\n" +
        $"FROM (SELECT *, {DuplicateKey()} FROM (SELECT line, filename, __object, {JsonValues(table, "__object")}, {Keys(table, "__object")}\n" +
        "  FROM (SELECT line, filename, CASE WHEN json_valid(line) AND (ascii(line) = 123 OR starts_with(ltrim(line, e' \\t\\r\\n'), '{')) THEN line END AS __object\n" +
        $"    FROM read_csv({files.List}, header = false, auto_detect = false, columns = {{'line': 'VARCHAR'}}, delim = chr(31), quote = '', escape = '', " +
        $"filename = true, store_rejects = true, rejects_table = 'raw_rejects_{read}', rejects_scan = 'raw_scans_{read}')\n" +
        "    WHERE line IS NOT NULL AND (ascii(line) BETWEEN 33 AND 126 OR trim(line) <> ''))))";

    public static string InsertJsonArray(TableSpec table, ReadFiles files) =>
        $"INSERT INTO {Table} SELECT {JsonFields(table, "__object")}, {files.SourceName}, {JsonReason("array element is not a JSON object")}, {JsonRaw("CAST(json AS VARCHAR)")}\n" +
        $"FROM (SELECT *, {DuplicateKey()} FROM (SELECT json, filename, __object, {JsonValues(table, "__object")}, {Keys(table, "__object")}\n" +
        "  FROM (SELECT json, filename, CASE WHEN json_type(json) = 'OBJECT' THEN CAST(json AS VARCHAR) END AS __object\n" +
        $"    FROM read_json_objects({files.List}, format = 'array', filename = true))))";

    /// <summary>One malformed record that the reader could not split further: its file, why, and its text.</summary>
    public static string InsertMalformed(TableSpec table, string file, string reason, string? raw)
    {
        var nulls = string.Concat(Enumerable.Repeat("NULL, ", table.Columns.Count));
        return $"INSERT INTO {Table} VALUES ({nulls}{Sql.StringLiteral(file)}, {Sql.StringLiteral(reason)}, {(raw is null ? "NULL" : Sql.StringLiteral(raw))})";
    }

    private static string JsonReason(string notObject) =>
        $"CASE WHEN __object IS NULL THEN {Sql.StringLiteral(notObject)} WHEN __duplicate IS NOT NULL THEN 'the JSON object has the key ' || to_json(__duplicate) || ' more than once' END";

    private static string JsonRaw(string text) => $"CASE WHEN __object IS NULL OR __duplicate IS NOT NULL THEN {text} END";

    /// <summary>
    /// Every declared field of a JSON object as text, in one list (<c>__values</c>): the list form of
    /// json_extract_string parses the object once, where one call per field parsed it once per field.
    /// </summary>
    private static string JsonValues(TableSpec table, string source) =>
        $"json_extract_string({source}, [{string.Join(", ", table.Columns.Select(c => Path(c.Field)))}]) AS __values";

    /// <summary>
    /// The declared fields as the JSON text wrote them. DuckDB parses a number with a fraction or an
    /// exponent into a double (<c>1234567890123456.789</c> comes back as <c>1234567890123456.8</c>,
    /// <c>1.50</c> as <c>1.5</c>), so a value that comes back looking like one is looked up again in the
    /// object's text: the one <c>"key": number</c> there whose number is the same double is the text
    /// (a regular expression over the line, far cheaper than a second parse). The same expression
    /// also matches <c>"key": "</c>: a value that only looks like a number but is a JSON string (amounts
    /// written as <c>"42701.73"</c>) is already its exact text, and needs no second look. When the key occurs more
    /// than once or not at all, and for a nested object or array holding such numbers, the field is read
    /// from a copy of the object in which every number is a string marked with U+0001 (one regular
    /// expression matches strings whole, so digits inside them stay as they are, and numbers outside
    /// them), and the marks are taken off again.
    /// </summary>
    private static string JsonFields(TableSpec table, string source) =>
        string.Join(", ", table.Columns.Select((c, i) => ExactField(c.Field, $"__values[{i + 1}]", source)));

    private static string ExactField(string field, string value, string source)
    {
        var key = "\"" + RegexEscape(field.Split('.')[^1]) + "\"\\s*:\\s*(\"|-?[0-9][0-9.eE+-]*)";
        var candidates = $"regexp_extract_all({source}, {Sql.StringLiteral(key)}, 1)";
        var marked = $"list_transform([json_extract_string({MarkNumbers(source)}, {Path(field)})], __m -> " +
            "CASE WHEN starts_with(__m, chr(1)) THEN substr(__m, 2) ELSE regexp_replace(__m, '\"\\\\u0001([^\"]*)\"', '\\1', 'g') END)[1]";
        return $"CASE WHEN regexp_matches({value}, '^-?[0-9].*[.eE]') THEN list_transform([{candidates}], __c -> " +
            $"CASE WHEN len(__c) = 1 AND __c[1] = '\"' THEN {value} WHEN len(__c) = 1 AND TRY_CAST(__c[1] AS DOUBLE) = TRY_CAST({value} AS DOUBLE) THEN __c[1] ELSE {marked} END)[1]\n" +
            $"  WHEN (starts_with({value}, '{{') OR starts_with({value}, '[')) AND regexp_matches({value}, '[0-9][.eE]') THEN {marked} ELSE {value} END";
    }

    /// <summary>The JSON text with every number outside strings turned into a string that starts with U+0001.</summary>
    private static string MarkNumbers(string source) =>
        $"replace(replace(replace(regexp_replace({source}, '(\"(?:[^\"\\\\]|\\\\.)*\")|(-?[0-9][0-9.eE+-]*)', '\\1' || chr(2) || '\\2' || chr(3), 'g'), " +
        "chr(2) || chr(3), ''), chr(2), '\"\\u0001'), chr(3), '\"')";

    private static string Path(string field) => Sql.StringLiteral("$" + string.Concat(field.Split('.').Select(p => "." + JsonKey(p))));

    /// <summary>A JSON key as an RE2 pattern: ASCII punctuation escaped, everything else as written.</summary>
    private static string RegexEscape(string key) =>
        string.Concat(key.Select(c => c < 128 && !char.IsAsciiLetterOrDigit(c) && c != '_' ? "\\" + c : c.ToString()));

    /// <summary>
    /// The keys of a JSON object (<c>__keys</c>), at the top level and in each object a declared
    /// field reads from (<c>a</c> for a field <c>a.b</c>), to find a key given twice.
    /// </summary>
    private static string Keys(TableSpec table, string source)
    {
        var parents = table.Columns
            .Select(c => c.Field.Split('.'))
            .Where(parts => parts.Length > 1)
            .Select(parts => "$" + string.Concat(parts[..^1].Select(p => "." + JsonKey(p))))
            .Prepend("$")
            .Distinct(StringComparer.Ordinal)
            .Select(Sql.StringLiteral);
        return $"json_keys({source}, [{string.Join(", ", parents)}]) AS __keys";
    }

    /// <summary>A key the object holds more than once (DuckDB would silently keep one of the values), or null.</summary>
    private static string DuplicateKey() =>
        "CASE WHEN list_bool_or(list_transform(__keys, __k -> len(__k) <> len(list_distinct(__k)))) " +
        "THEN flatten(list_transform(__keys, __k -> list_filter(list_distinct(__k), __x -> len(list_filter(__k, __y -> __y = __x)) > 1)))[1] END AS __duplicate";

    private static string JsonKey(string key) => "\"" + key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}

/// <summary>The files one read statement names, and the name its rows carry in <c>_source_file</c>.</summary>
internal sealed record ReadFiles(string List, string SourceName, bool Renamed)
{
    private static readonly DuckDbDialect Sql = DuckDbDialect.Instance;

    /// <summary>Files read under their own names, each passed literally.</summary>
    public static ReadFiles Exactly(IEnumerable<string> files) =>
        new("[" + string.Join(", ", files.Select(f => Sql.StringLiteral(RawFileNames.DuckDbLiteral(f)))) + "]", "filename", Renamed: false);

    /// <summary>A glob, as <c>medallion plan</c> shows it.</summary>
    public static ReadFiles Glob(IEnumerable<string> globs) =>
        new("[" + string.Join(", ", globs.Select(Sql.StringLiteral)) + "]", "filename", Renamed: false);

    /// <summary>A repaired copy of <paramref name="original"/>, whose rows keep the original's name.</summary>
    public static ReadFiles CopyOf(string copy, string original) =>
        new("[" + Sql.StringLiteral(RawFileNames.DuckDbLiteral(copy)) + "]", Sql.StringLiteral(original), Renamed: true);
}
