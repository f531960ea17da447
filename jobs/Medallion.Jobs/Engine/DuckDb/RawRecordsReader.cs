using System.Text;
using Medallion.Jobs.Config;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>
/// Reads a table's raw files into the temp table <c>raw_records</c>: one VARCHAR column per
/// declared bronze column (<c>__f_0</c>, <c>__f_1</c>, …), the source file, and for records that
/// cannot be read the reason (<c>__malformed</c>) and original text (<c>__raw</c>). Nothing is
/// dropped: CSV lines DuckDB rejects (wrong field count, invalid UTF-8) and JSON lines that do
/// not parse become malformed records.
/// </summary>
/// <remarks>
/// Rows stay in DuckDB. Only a file DuckDB refuses as a whole goes down the fallback path, in
/// .NET and once per file, never per row: files read together are retried one by one; a file
/// with mixed LF and CRLF line endings is read from a copy with LF only (<see cref="LineEndings"/>);
/// a JSON array that breaks is cut after its last complete element (<see cref="JsonArrayScanner"/>),
/// and the rest becomes one malformed record naming the file and the byte where it breaks. A file
/// still refused is one malformed record naming the file and DuckDB's error. Empty (0-byte) files
/// hold no records and are not read.
/// </remarks>
/// <param name="scratchDirectory">Where repaired copies are written (below the engine's temp directory); deleted after loading.</param>
/// <param name="rawRoot">The local folder the files lie under: reasons name a file relative to it, as <c>_source_file</c> does.</param>
internal sealed partial class RawRecordsReader(DuckDbSession session, string scratchDirectory, string rawRoot)
{
    public const string Table = RawRecordsSql.Table;

    /// <summary>Beyond this many bytes, the unreadable rest of a file keeps only its first <see cref="RawPreviewBytes"/> in <c>_raw</c>.</summary>
    public const int MaxRawBytes = 1024 * 1024;

    public const int RawPreviewBytes = 1024;

    /// <summary>Numbers the reads so each has its own rejects tables: a later read never inserts an earlier one's rejects again.</summary>
    private int _reads;

    /// <summary>The statements that read <paramref name="globs"/> (for <c>medallion plan</c>: the table's glob).</summary>
    public static IEnumerable<string> Statements(TableSpec table, IReadOnlyList<string> globs)
    {
        var files = ReadFiles.Glob(globs);
        yield return RawRecordsSql.CreateTable(table);
        switch (table.Source.Format)
        {
            case SourceFormat.Csv:
                yield return $"-- CSV: columns are mapped by header name; every rejected line becomes a malformed record\n{RawRecordsSql.InsertCsv(table, files, Enumerable.Range(0, table.Columns.Count).ToList(), 0)}";
                yield return RawRecordsSql.InsertRejects(table, files, 0);
                break;
            case SourceFormat.Json:
                yield return $"-- newline-delimited JSON (a file holding one JSON array is read with read_json_objects(format = 'array'))\n{RawRecordsSql.InsertJsonLines(table, files, 0)}";
                yield return RawRecordsSql.InsertRejects(table, files, 0);
                break;
            case SourceFormat.Parquet:
                // Parquet files are read typed, straight into bronze_rows (ParquetRowsView); with
                // no files to read, raw_records stays empty.
                break;
        }
    }

    /// <summary>Loads the files, in name order, into <c>raw_records</c>.</summary>
    public void Load(TableSpec table, IReadOnlyList<string> files, CancellationToken cancellationToken = default)
    {
        try
        {
            session.InInputOrder(() => LoadInOrder(table, files, cancellationToken));
        }
        finally
        {
            if (Directory.Exists(scratchDirectory))
            {
                Directory.Delete(scratchDirectory, recursive: true);
            }
        }
    }

    private void LoadInOrder(TableSpec table, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        session.Execute(RawRecordsSql.CreateTable(table), cancellationToken);
        var nonEmpty = files.Where(f => new FileInfo(f).Length > 0).ToList();
        switch (table.Source.Format)
        {
            case SourceFormat.Csv:
                LoadCsv(table, nonEmpty, cancellationToken);
                break;
            case SourceFormat.Json:
                LoadJson(table, nonEmpty, cancellationToken);
                break;
            case SourceFormat.Parquet:
                // Read typed by ParquetRowsView; the reader only sees a Parquet table that has no files.
                break;
        }
    }

    private void LoadCsv(TableSpec table, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        // Files with the same header are read together; each declared column is found by name.
        foreach (var group in files.GroupBy(f => CsvHeader.Read(f, table.Source.Csv), StringComparer.Ordinal))
        {
            var positions = table.Source.Csv.Header
                ? CsvHeader.Positions(group.Key, table, group.First())
                : Enumerable.Range(0, table.Columns.Count).ToList();
            var fields = CsvHeader.Count(group.Key, table);
            ReadOrFallBack(table, group.ToList(), read => ReadCsv(table, read, positions, fields, cancellationToken), cancellationToken);
        }
    }

    private void ReadCsv(TableSpec table, ReadFiles files, IReadOnlyList<int> positions, int? fields, CancellationToken cancellationToken)
    {
        var read = _reads++;
        session.Execute(RawRecordsSql.InsertCsv(table, files, positions, read, fields), cancellationToken);
        session.Execute(RawRecordsSql.InsertRejects(table, files, read), cancellationToken);
    }

    private void ReadJsonLines(TableSpec table, ReadFiles files, CancellationToken cancellationToken)
    {
        var read = _reads++;
        session.Execute(RawRecordsSql.InsertJsonLines(table, files, read), cancellationToken);
        session.Execute(RawRecordsSql.InsertRejects(table, files, read), cancellationToken);
    }

    /// <summary>
    /// Reads <paramref name="files"/> in one statement; when DuckDB refuses it, each file on its
    /// own, and a file refused alone through its fallback. A failed statement inserts nothing.
    /// </summary>
    private void ReadOrFallBack(TableSpec table, IReadOnlyList<string> files, Action<ReadFiles> read, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            return;
        }

        try
        {
            read(ReadFiles.Exactly(files));
            return;
        }
        catch (DuckDbEngineException) when (files.Count > 1)
        {
        }
        catch (DuckDbEngineException error)
        {
            FallBack(table, files[0], error, read, cancellationToken);
            return;
        }

        foreach (var file in files)
        {
            ReadOrFallBack(table, [file], read, cancellationToken);
        }
    }

    /// <summary>A file DuckDB refused: read a copy with LF line endings if its endings are mixed, else keep it as one malformed record.</summary>
    private void FallBack(TableSpec table, string file, DuckDbEngineException error, Action<ReadFiles> read, CancellationToken cancellationToken)
    {
        if (LineEndings.AreMixed(file))
        {
            var copy = ScratchCopy(file);
            LineEndings.CopyWithLf(file, copy);
            try
            {
                read(ReadFiles.CopyOf(copy, file));
                return;
            }
            catch (DuckDbEngineException retry)
            {
                error = retry;
            }
        }

        InsertRest(table, file, 0, $"{Name(file)}: DuckDB cannot read the file: {FirstLine(error.Message)}", cancellationToken);
    }

    /// <summary>
    /// The bytes of <paramref name="file"/> from <paramref name="start"/> to its end as one malformed
    /// record: as text when they are at most <see cref="MaxRawBytes"/> (decoded as Latin-1, one
    /// character per byte, when they are not UTF-8, and the reason says so), else their first
    /// <see cref="RawPreviewBytes"/>, with the byte range in the reason.
    /// </summary>
    private void InsertRest(TableSpec table, string file, long start, string reason, CancellationToken cancellationToken)
    {
        using var stream = File.OpenRead(file);
        var length = stream.Length - start;
        stream.Position = start;
        var bytes = new byte[(int)Math.Min(length, length > MaxRawBytes ? RawPreviewBytes : MaxRawBytes)];
        stream.ReadExactly(bytes);
        var utf8 = System.Text.Unicode.Utf8.IsValid(bytes) && !bytes.Contains((byte)0);
        var text = utf8 ? Encoding.UTF8.GetString(bytes) : Encoding.Latin1.GetString(bytes).Replace('\0', '\uFFFD');
        var range = $"bytes {start}–{stream.Length} of {Name(file)}";
        reason += length > MaxRawBytes
            ? $"; _raw holds the first {bytes.Length} of the {length} bytes ({range})"
            : $" ({range}{(utf8 ? "" : ", not UTF-8: _raw shows each byte as one Latin-1 character")})";
        session.Execute(RawRecordsSql.InsertMalformed(table, file, reason, text), cancellationToken);
    }

    private string ScratchCopy(string file)
    {
        Directory.CreateDirectory(scratchDirectory);
        return Path.Combine(scratchDirectory, $"{_reads}-{Guid.NewGuid():N}{Path.GetExtension(file)}");
    }

    /// <summary>A raw file as <c>_source_file</c> names it: relative to the raw root.</summary>
    private string Name(string file) =>
        file.StartsWith(rawRoot.TrimEnd('/', '\\') + "/", StringComparison.Ordinal) ? file[(rawRoot.TrimEnd('/', '\\').Length + 1)..] : file;

    private static string FirstLine(string message) => message.Split('\n')[0];
}
