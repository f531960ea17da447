using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Medallion.Delta.Log;

/// <summary>
/// Turns a value read from Parquet without a fixed class (nested dictionaries for structs and maps,
/// lists, primitives) into the JSON a commit file would hold for it.
/// </summary>
/// <remarks>
/// The JSON is written as text and parsed back, so numbers behave exactly as in a commit file
/// (an <c>int</c> column reads as a <c>long</c> too). Strings may arrive as <see cref="ReadOnlyMemory{T}"/>
/// of <see cref="char"/>, which Parquet.Net uses inside lists and maps. Values the log never holds as
/// such (timestamps, decimals, binary in <c>stats_parsed</c>) are written as strings.
/// </remarks>
internal static class ParquetJson
{
    public static JsonNode? ToJson(object? value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value);
        }

        return JsonNode.Parse(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case ReadOnlyMemory<char> text:
                writer.WriteStringValue(text.Span);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case sbyte or byte or short or ushort or int or uint or long:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong number:
                writer.WriteNumberValue(number);
                break;
            case float or double:
                WriteDouble(writer, Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case byte[] bytes:
                writer.WriteBase64StringValue(bytes);
                break;
            case ReadOnlyMemory<byte> bytes:
                writer.WriteBase64StringValue(bytes.Span);
                break;
            case IDictionary map:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in map)
                {
                    writer.WritePropertyName(Key(entry.Key));
                    Write(writer, entry.Value);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case IFormattable formattable:
                writer.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }

    /// <summary>JSON has no NaN or infinity; such a statistic is written as a string rather than failing the read.</summary>
    private static void WriteDouble(Utf8JsonWriter writer, double number)
    {
        if (double.IsFinite(number))
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteStringValue(number.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static string Key(object key) => key switch
    {
        string text => text,
        ReadOnlyMemory<char> text => text.ToString(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => key.ToString() ?? "",
    };
}
