namespace Medallion.Samples;

/// <summary>
/// A JSON array file written one element per line (<c>[</c>, elements separated by <c>,\n</c>,
/// <c>]</c>): valid JSON for readers, readable diffs for people, and line-countable in tests.
/// </summary>
internal sealed class JsonArrayFile : IDisposable
{
    private readonly StreamWriter _writer;

    public JsonArrayFile(string directory, string fileName)
    {
        FileName = fileName;
        _writer = SampleFile.Create(directory, fileName);
        _writer.Write('[');
    }

    public string FileName { get; }

    public long Count { get; private set; }

    /// <summary>Starts the next element; write exactly one JSON value to the returned writer.</summary>
    public TextWriter Next()
    {
        _writer.Write(Count == 0 ? "\n" : ",\n");
        Count++;
        return _writer;
    }

    /// <summary>Closes the array and flushes; may throw on I/O errors, unlike <see cref="Dispose"/>.</summary>
    public void Commit()
    {
        _writer.Write("\n]\n");
        _writer.Flush();
    }

    public void Dispose() => _writer.Dispose();
}
