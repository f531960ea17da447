namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>Tells a JSON-array file from a newline-delimited one by its first non-blank byte.</summary>
internal static class JsonArrayFile
{
    public static bool IsArray(string file)
    {
        using var stream = File.OpenRead(file);
        Span<byte> buffer = stackalloc byte[4096];
        var read = stream.Read(buffer);
        var bytes = buffer[..read];
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        foreach (var b in bytes)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            return b == (byte)'[';
        }

        return false;
    }
}
