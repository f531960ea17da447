using System.Globalization;

namespace Medallion.Samples;

/// <summary>
/// Writes one flat JSON object straight to a <see cref="TextWriter"/>, without building it in
/// memory first. Strings are escaped minimally (quote, backslash, control characters) so HTML
/// entities such as <c>&amp;amp;</c> reach the file exactly as a WordPress API sends them.
/// </summary>
internal ref struct JsonLine
{
    private readonly TextWriter _writer;
    private bool _first;

    private JsonLine(TextWriter writer)
    {
        _writer = writer;
        _first = true;
    }

    public static JsonLine Begin(TextWriter writer)
    {
        writer.Write('{');
        return new JsonLine(writer);
    }

    public void String(string name, string? value)
    {
        Name(name);
        if (value is null)
        {
            _writer.Write("null");
        }
        else
        {
            WriteString(_writer, value);
        }

    }

    public void Number(string name, long? value)
    {
        Name(name);
        _writer.Write(value is { } number ? number.ToString(CultureInfo.InvariantCulture) : "null");
    }

    public void Boolean(string name, bool value)
    {
        Name(name);
        _writer.Write(value ? "true" : "false");
    }

    /// <summary>A value that is already JSON (nested objects, arrays).</summary>
    public void Raw(string name, string json)
    {
        Name(name);
        _writer.Write(json);
    }

    /// <summary><c>{"rendered": value}</c> and any extra raw members, as WordPress nests titles and content.</summary>
    public void Rendered(string name, string value, string extra = "")
    {
        Name(name);
        _writer.Write("{\"rendered\":");
        WriteString(_writer, value);
        _writer.Write(extra);
        _writer.Write('}');
    }

    public void End() => _writer.Write('}');

    /// <summary>Writes a JSON string literal.</summary>
    public static void WriteString(TextWriter writer, string value)
    {
        writer.Write('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': writer.Write("\\\""); break;
                case '\\': writer.Write("\\\\"); break;
                case '\n': writer.Write("\\n"); break;
                case '\r': writer.Write("\\r"); break;
                case '\t': writer.Write("\\t"); break;
                case < ' ': writer.Write(string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}")); break;
                default: writer.Write(c); break;
            }
        }

        writer.Write('"');
    }

    private void Name(string name)
    {
        if (!_first)
        {
            _writer.Write(',');
        }

        _first = false;
        WriteString(_writer, name);
        _writer.Write(':');
    }
}
