namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>Tells a JSON-array file from a newline-delimited one by its first non-blank byte.</summary>
internal static class JsonArrayFile
{
    /// <summary>
    /// True when the first byte after an optional byte-order mark and JSON whitespace is <c>[</c>,
    /// however much whitespace comes first. A newline-delimited file whose first line is an array
    /// says true too: the reader tells it apart when the array read fails (see <see cref="JsonArrayScanner"/>).
    /// </summary>
    public static bool IsArray(string file)
    {
        using var stream = File.OpenRead(file);
        var buffer = new byte[4096];
        var first = true;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            var bytes = buffer.AsSpan(0, read);
            if (first && bytes.StartsWith("\uFEFF"u8))
            {
                bytes = bytes[3..];
            }

            first = false;
            foreach (var b in bytes)
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                {
                    return b == (byte)'[';
                }
            }
        }

        return false;
    }
}
