using System.Text;
using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config;

/// <summary>Reading a configuration file: UTF-8 only, and checked before the YAML tree is built.</summary>
internal sealed partial class ConfigReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads and parses <see cref="File"/>; null (with an error at its position) when it is not one UTF-8 YAML document.</summary>
    public YamlNode? ParseFile()
    {
        var bytes = System.IO.File.ReadAllBytes(File);
        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            // A Latin-1 or UTF-16 file would otherwise be read with replacement characters and "work".
            var (line, column, offset) = FirstInvalidByte(bytes, start);
            Error(new SourceLocation(File, line, column), $"the file is not valid UTF-8 (byte 0x{bytes[offset]:X2} at offset {offset}); save it as UTF-8");
            return null;
        }

        if (YamlPrescan.Check(text) is { } problem)
        {
            Error(At(problem.At), problem.Message);
            return null;
        }

        return ParseDocument(text);
    }

    /// <summary>The line and column (in characters) of the first byte that is not valid UTF-8.</summary>
    private static (int Line, int Column, int Offset) FirstInvalidByte(byte[] bytes, int start)
    {
        var line = 1;
        var column = 1;
        var offset = start;
        while (offset < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes.AsSpan(offset), out var rune, out var length) != System.Buffers.OperationStatus.Done)
            {
                break;
            }

            (line, column) = rune.Value == '\n' ? (line + 1, 1) : (line, column + 1);
            offset += length;
        }

        return (line, column, Math.Min(offset, bytes.Length - 1));
    }
}
