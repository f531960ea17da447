using System.Text;

namespace Medallion.Samples;

/// <summary>Opens sample files for streaming: buffered, UTF-8 without BOM, <c>\n</c> line ends on every OS.</summary>
internal static class SampleFile
{
    private const int BufferSize = 1 << 16;

    public static StreamWriter Create(string directory, string fileName)
    {
        var stream = new FileStream(
            Path.Combine(directory, fileName), FileMode.Create, FileAccess.Write, FileShare.None, BufferSize);
        return new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), BufferSize)
        {
            NewLine = "\n",
        };
    }

    public static long Length(string directory, string fileName) =>
        new FileInfo(Path.Combine(directory, fileName)).Length;
}
