using System.Text.Json;
using System.Text.Unicode;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>
/// Finds where a JSON array file that DuckDB refused stops being valid, so the reader can keep
/// every complete element before that point. Runs only on that fallback path, once per refused
/// file: it streams the file through <see cref="Utf8JsonReader"/> (no comments, no trailing
/// commas, strings must be UTF-8) and records byte offsets, never rows.
/// </summary>
internal static class JsonArrayScanner
{
    private const int MaxDepth = 512;

    /// <summary>Scans <paramref name="file"/>, which starts (after whitespace) with <c>[</c>.</summary>
    public static JsonArrayScan Scan(string file)
    {
        using var stream = File.OpenRead(file);
        var buffer = new byte[64 * 1024];
        var length = stream.ReadAtLeast(buffer, 3, throwOnEndOfStream: false);
        long offset = 0;
        if (buffer.AsSpan(0, length).StartsWith("\uFEFF"u8))
        {
            Buffer.BlockCopy(buffer, 3, buffer, 0, length - 3);
            length -= 3;
            offset = 3;
        }

        var state = new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false, MaxDepth = MaxDepth });
        var elements = 0;
        long completeEnd = -1;
        long rootEnd = -1;
        var final = false;
        while (true)
        {
            if (!final && length < buffer.Length)
            {
                var read = stream.Read(buffer, length, buffer.Length - length);
                final = read == 0;
                length += read;
            }

            var reader = new Utf8JsonReader(buffer.AsSpan(0, length), final, state);
            try
            {
                while (reader.Read())
                {
                    if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && !Utf8.IsValid(reader.ValueSpan))
                    {
                        return Broken(file, offset + reader.TokenStartIndex, "a string that is not UTF-8", elements, completeEnd, rootEnd);
                    }

                    var depth = reader.CurrentDepth;
                    var ended = reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray;
                    if (depth == 0 && reader.TokenType == JsonTokenType.EndArray)
                    {
                        rootEnd = offset + reader.BytesConsumed;
                    }
                    else if (depth == 0 && reader.TokenType != JsonTokenType.StartArray)
                    {
                        return Broken(file, offset + reader.TokenStartIndex, "the file is not one JSON array", elements, completeEnd, rootEnd);
                    }
                    else if (depth == 1 && (ended || reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.PropertyName)))
                    {
                        elements++;
                        completeEnd = offset + reader.BytesConsumed;
                    }
                }
            }
            catch (JsonException error)
            {
                return Broken(file, offset + reader.BytesConsumed, Describe(error), elements, completeEnd, rootEnd);
            }

            if (final)
            {
                return rootEnd < 0
                    ? Broken(file, offset + length, "the file ends inside the array", elements, completeEnd, rootEnd)
                    : new JsonArrayScan(file, elements, completeEnd, rootEnd, BreakOffset: null, Reason: null, LineDelimited: false);
            }

            state = reader.CurrentState;
            var consumed = (int)reader.BytesConsumed;
            if (consumed == 0 && length == buffer.Length)
            {
                // One token longer than the buffer: read it in a larger one.
                Array.Resize(ref buffer, buffer.Length * 2);
                continue;
            }

            Buffer.BlockCopy(buffer, consumed, buffer, 0, length - consumed);
            length -= consumed;
            offset += consumed;
        }
    }

    private static JsonArrayScan Broken(string file, long at, string reason, int elements, long completeEnd, long rootEnd)
    {
        // An array that closed on its first line with more lines after it is a newline-delimited
        // file whose first record happens to be an array.
        var lineDelimited = rootEnd >= 0 && NextLineHasContent(file, rootEnd);
        return new JsonArrayScan(file, elements, completeEnd, rootEnd, at, reason, lineDelimited);
    }

    private static bool NextLineHasContent(string file, long rootEnd)
    {
        using var stream = File.OpenRead(file);
        stream.Position = rootEnd;
        var newline = false;
        int b;
        while ((b = stream.ReadByte()) >= 0)
        {
            switch (b)
            {
                case ' ' or '\t' or '\r':
                    continue;
                case '\n':
                    newline = true;
                    continue;
                default:
                    return newline;
            }
        }

        return false;
    }

    private static string Describe(JsonException error)
    {
        // The reader's message ends with its own position ("LineNumber: 0 | BytePositionInLine: 12."), which counts from 0.
        var message = error.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
        return error.LineNumber is { } line && error.BytePositionInLine is { } column
            ? $"{text} (line {line + 1}, byte {column + 1} of the line)"
            : text;
    }
}

/// <summary>What <see cref="JsonArrayScanner"/> found in one file.</summary>
/// <param name="Elements">How many elements are complete and valid before the break.</param>
/// <param name="CompleteEnd">The byte offset just past the last complete element (-1 when none is).</param>
/// <param name="RootEnd">The byte offset just past the array's closing bracket (-1 when it never closes).</param>
/// <param name="BreakOffset">The byte offset where the file stops being a valid JSON array (null when it is one).</param>
/// <param name="Reason">What is wrong at <paramref name="BreakOffset"/>.</param>
/// <param name="LineDelimited">True when the file is newline-delimited JSON whose first line is an array.</param>
internal sealed record JsonArrayScan(string File, int Elements, long CompleteEnd, long RootEnd, long? BreakOffset, string? Reason, bool LineDelimited)
{
    /// <summary>Where the text the elements do not cover starts: after the closing bracket, or after the last complete element.</summary>
    public long RestStart => RootEnd >= 0 ? RootEnd : Math.Max(CompleteEnd, 0);
}
