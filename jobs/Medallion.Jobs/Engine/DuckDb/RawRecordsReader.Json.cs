using Medallion.Jobs.Config;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>JSON: newline-delimited files and files holding one array, in name order.</summary>
internal sealed partial class RawRecordsReader
{
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

            // Keep name order: read the newline-delimited files seen so far first.
            FlushLines();
            try
            {
                session.Execute(RawRecordsSql.InsertJsonArray(table, ReadFiles.Exactly([file])), cancellationToken);
            }
            catch (DuckDbEngineException)
            {
                ReadBrokenArray(table, file, cancellationToken);
            }
        }

        FlushLines();

        void FlushLines()
        {
            ReadOrFallBack(table, [.. lines], read => ReadJsonLines(table, read, cancellationToken), cancellationToken);
            lines.Clear();
        }
    }

    /// <summary>
    /// An array file DuckDB refused: its complete elements are read from a copy cut after the last
    /// of them and closed with <c>]</c>; the rest is one malformed record naming the byte where the
    /// file breaks. A newline-delimited file whose first line is an array is read line by line.
    /// </summary>
    private void ReadBrokenArray(TableSpec table, string file, CancellationToken cancellationToken)
    {
        var scan = JsonArrayScanner.Scan(file);
        if (scan.LineDelimited)
        {
            ReadOrFallBack(table, [file], read => ReadJsonLines(table, read, cancellationToken), cancellationToken);
            return;
        }

        if (scan.Elements > 0)
        {
            var copy = ScratchCopy(file);
            using (var input = File.OpenRead(file))
            using (var output = File.Create(copy))
            {
                CopyBytes(input, output, scan.CompleteEnd);
                output.WriteByte((byte)']');
            }

            try
            {
                session.Execute(RawRecordsSql.InsertJsonArray(table, ReadFiles.CopyOf(copy, file)), cancellationToken);
            }
            catch (DuckDbEngineException error)
            {
                // The elements the scanner accepted are not what DuckDB accepts: keep the whole file.
                InsertRest(table, file, 0, $"{Name(file)}: DuckDB cannot read the JSON array: {FirstLine(error.Message)}", cancellationToken);
                return;
            }
        }

        if (scan.BreakOffset is { } at)
        {
            var read = scan.Elements == 0 ? "no element before it is complete" : $"the {scan.Elements} complete element(s) before it were read";
            InsertRest(table, file, scan.RestStart, $"{Name(file)}: the JSON array breaks at byte {at}: {scan.Reason}; {read}, the rest of the file is this record", cancellationToken);
        }
    }

    private static void CopyBytes(Stream input, Stream output, long count)
    {
        var buffer = new byte[81920];
        while (count > 0)
        {
            var read = input.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
            if (read == 0)
            {
                break;
            }

            output.Write(buffer, 0, read);
            count -= read;
        }
    }
}
