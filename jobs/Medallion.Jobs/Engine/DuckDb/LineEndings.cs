namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>
/// DuckDB's CSV reader refuses a file whose lines end partly in LF and partly in CRLF ("state
/// machine reached an invalid state"); its lenient mode would read it but also cuts rows with
/// extra fields and merges lines after a stray quote, silently. So a file it refused is checked
/// here, on that fallback path only: one with both endings is copied with every CRLF made LF, and
/// the copy is read in its place.
/// </summary>
internal static class LineEndings
{
    /// <summary>True when <paramref name="file"/> has a line ending in CRLF and another ending in a bare LF.</summary>
    public static bool AreMixed(string file)
    {
        using var stream = new BufferedStream(File.OpenRead(file), 64 * 1024);
        bool crlf = false, lf = false;
        var previous = -1;
        int b;
        while ((b = stream.ReadByte()) >= 0)
        {
            if (b == '\n')
            {
                if (previous == '\r')
                {
                    crlf = true;
                }
                else
                {
                    lf = true;
                }

                if (crlf && lf)
                {
                    return true;
                }
            }

            previous = b;
        }

        return false;
    }

    /// <summary>Copies <paramref name="file"/> to <paramref name="copy"/> with every CRLF made LF (a CR inside a quoted field included).</summary>
    public static void CopyWithLf(string file, string copy)
    {
        using var input = new BufferedStream(File.OpenRead(file), 64 * 1024);
        using var output = new BufferedStream(File.Create(copy), 64 * 1024);
        var pendingCr = false;
        int b;
        while ((b = input.ReadByte()) >= 0)
        {
            if (pendingCr && b != '\n')
            {
                output.WriteByte((byte)'\r');
            }

            pendingCr = b == '\r';
            if (!pendingCr)
            {
                output.WriteByte((byte)b);
            }
        }

        if (pendingCr)
        {
            output.WriteByte((byte)'\r');
        }
    }
}
