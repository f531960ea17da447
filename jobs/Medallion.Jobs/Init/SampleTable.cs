using System.Globalization;
using System.Text.Json;
using Medallion.Jobs.Config;
using Medallion.Jobs.Engine.DuckDb;
using Medallion.Jobs.Sql;

namespace Medallion.Jobs.Init;

/// <summary>
/// Loads up to N rows of the sample files into the DuckDB temp table <c>init_sample</c>, one VARCHAR
/// column per field (<c>s0</c>, <c>s1</c>, …), read the way bronze reads them: CSV fields by header,
/// JSON values with <c>json_extract_string</c> on the same paths, Parquet columns cast to text.
/// </summary>
internal sealed class SampleTable
{
    public const string Table = "init_sample";
    private static readonly DuckDbDialect Sql = DuckDbDialect.Instance;

    private SampleTable(IReadOnlyList<SampleField> fields, long rows, CsvOptions? csv)
    {
        Fields = fields;
        Rows = rows;
        Csv = csv;
    }

    public IReadOnlyList<SampleField> Fields { get; }

    public long Rows { get; }

    /// <summary>The CSV dialect of the first file (null for other formats).</summary>
    public CsvOptions? Csv { get; }

    public static SampleTable Load(DuckDbSession session, IReadOnlyList<string> files, SourceFormat format, int rows, CancellationToken cancellationToken)
    {
        var sample = format switch
        {
            SourceFormat.Csv => LoadCsv(session, files, rows, cancellationToken),
            SourceFormat.Json => LoadJson(session, files, rows, cancellationToken),
            SourceFormat.Parquet => LoadParquet(session, files, rows, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown source format."),
        };
        return new SampleTable(sample.Fields, session.Scalar($"SELECT count(*) FROM {Table}", cancellationToken), sample.Csv);
    }

    private static (IReadOnlyList<SampleField> Fields, CsvOptions? Csv) LoadCsv(DuckDbSession session, IReadOnlyList<string> files, int rows, CancellationToken cancellationToken)
    {
        // Read as bronze reads: the header names the fields, no type sniffing (DuckDB's sniffer gives up
        // on files with bad rows, which are exactly the files worth a look). Rows with the wrong field
        // count are skipped here; bronze keeps them as malformed.
        var header = CsvHeader.Read(files[0], CsvOptions.Default);

        // Bronze reads files with different headers separately; the sample keeps to the first file's.
        files = files.Where(f => CsvHeader.Read(f, CsvOptions.Default) == header).ToList();
        var csv = CsvOptions.Default with { Delimiter = SampleCsv.Delimiter(header, files[0]) };
        var names = CsvHeader.Split(header, csv);
        var columns = string.Join(", ", names.Select((_, i) => $"'c{i}': 'VARCHAR'"));
        session.Execute(
            $"CREATE OR REPLACE TEMP TABLE init_raw AS SELECT * FROM read_csv({FileList(files)}, header = true, auto_detect = false, columns = {{{columns}}}, " +
            $"delim = {Sql.StringLiteral(csv.Delimiter.ToString())}, quote = {Sql.StringLiteral(csv.Quote.ToString())}, escape = {Sql.StringLiteral(csv.Escape.ToString())}, " +
            $"ignore_errors = true) LIMIT {rows}",
            cancellationToken);

        var fields = names.Select((name, i) => new SampleField(name.Trim(), $"s{i}", null)).ToList();
        CopyAsText(session, names.Select((_, i) => $"c{i}").ToList(), "init_raw", cancellationToken);
        return (fields, csv);
    }

    private static (IReadOnlyList<SampleField> Fields, CsvOptions? Csv) LoadJson(DuckDbSession session, IReadOnlyList<string> files, int rows, CancellationToken cancellationToken)
    {
        // Bronze tells an array file from a newline-delimited one by its first byte; so does the sample.
        var reads = files.Select(f => JsonArrayFile.IsArray(f)
            ? $"SELECT json FROM read_json_objects({Sql.StringLiteral(f)}, format = 'array', ignore_errors = true)"
            : $"SELECT json FROM read_json_objects({Sql.StringLiteral(f)}, format = 'newline_delimited', ignore_errors = true)");
        session.Execute(
            $"CREATE OR REPLACE TEMP TABLE init_raw AS SELECT json FROM ({string.Join(" UNION ALL ", reads)}) WHERE json_type(json) = 'OBJECT' LIMIT {rows}",
            cancellationToken);

        // One merged structure of every sampled object, parsed once here: its leaves are the fields.
        var structure = session.Query("SELECT CAST(json_group_structure(json) AS VARCHAR) FROM init_raw", r => r.IsDBNull(0) ? null : r.GetString(0), cancellationToken)[0];
        var fields = new List<SampleField>();
        if (structure is not null)
        {
            using var document = JsonDocument.Parse(structure);
            Leaves(document.RootElement, "", fields);
        }

        var extracts = fields.Select(f => $"json_extract_string(json, {Sql.StringLiteral("$" + string.Concat(f.Field.Split('.').Select(p => "." + JsonKey(p))))})").ToList();
        CopyAsText(session, extracts, "init_raw", cancellationToken);
        return (fields, null);
    }

    private static void Leaves(JsonElement structure, string prefix, List<SampleField> fields)
    {
        if (structure.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in structure.EnumerateObject())
        {
            var path = prefix + property.Name;
            if (property.Name.Contains('.', StringComparison.Ordinal))
            {
                // Bronze splits `field:` at dots, so a key with a dot in it cannot be addressed.
                continue;
            }

            if (property.Value.ValueKind == JsonValueKind.Object && property.Value.EnumerateObject().Any())
            {
                Leaves(property.Value, path + ".", fields);
                continue;
            }

            var note = property.Value.ValueKind == JsonValueKind.Array ? "a JSON list, kept as its JSON text" : null;
            fields.Add(new SampleField(path, $"s{fields.Count}", note is null ? null : ColumnType.String, note));
        }
    }

    private static (IReadOnlyList<SampleField> Fields, CsvOptions? Csv) LoadParquet(DuckDbSession session, IReadOnlyList<string> files, int rows, CancellationToken cancellationToken)
    {
        session.Execute($"CREATE OR REPLACE TEMP TABLE init_raw AS SELECT * FROM read_parquet({FileList(files)}, union_by_name = true) LIMIT {rows}", cancellationToken);
        var described = session.Query("DESCRIBE init_raw", r => (Name: r.GetString(0), Type: r.GetString(1)), cancellationToken);
        var fields = described.Select((c, i) => StoredField(c.Name, c.Type, $"s{i}")).ToList();
        CopyAsText(session, described.Select(c => Sql.Identifier(c.Name)).ToList(), "init_raw", cancellationToken);
        return (fields, null);
    }

    /// <summary>A Parquet column's stored type as a column type; text columns are inferred from their values.</summary>
    private static SampleField StoredField(string name, string duckDbType, string column)
    {
        var type = duckDbType.ToUpperInvariant();
        if (type.StartsWith("DECIMAL(", StringComparison.Ordinal) && ColumnType.TryParse(type.ToLowerInvariant()) is { } declared)
        {
            return new SampleField(name, column, declared);
        }

        return type switch
        {
            "VARCHAR" => new SampleField(name, column, null),
            "BOOLEAN" => new SampleField(name, column, ColumnType.Boolean),
            "TINYINT" or "SMALLINT" or "INTEGER" or "UTINYINT" or "USMALLINT" => new SampleField(name, column, ColumnType.Int),
            "BIGINT" or "UINTEGER" => new SampleField(name, column, ColumnType.Long),
            "FLOAT" or "DOUBLE" => new SampleField(name, column, ColumnType.Double),
            "DATE" => new SampleField(name, column, ColumnType.Date),
            "TIMESTAMP" or "TIMESTAMP WITH TIME ZONE" or "TIMESTAMP_MS" or "TIMESTAMP_NS" or "TIMESTAMP_S" => new SampleField(name, column, ColumnType.Timestamp),
            _ => new SampleField(name, column, ColumnType.String, $"stored as {duckDbType}, read as its text"),
        };
    }

    private static void CopyAsText(DuckDbSession session, IReadOnlyList<string> expressions, string from, CancellationToken cancellationToken)
    {
        var columns = expressions.Count == 0
            ? "NULL AS s_none"
            : string.Join(", ", expressions.Select((e, i) => string.Create(CultureInfo.InvariantCulture, $"CAST({e} AS VARCHAR) AS s{i}")));
        session.Execute($"CREATE OR REPLACE TEMP TABLE {Table} AS SELECT {columns} FROM {from}", cancellationToken);
    }

    // Quoted as bronze quotes it (RawRecordsReader), so the sample reads exactly the values bronze will.
    private static string JsonKey(string key) => "\"" + key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string FileList(IReadOnlyList<string> files) => "[" + string.Join(", ", files.Select(Sql.StringLiteral)) + "]";
}
