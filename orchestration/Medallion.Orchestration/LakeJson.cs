using System.Text.Json;
using System.Text.Json.Serialization;

namespace Medallion.Orchestration;

/// <summary>
/// How the orchestrator's files in the lake (<c>_run.json</c>, <c>_validation.json</c>,
/// <c>_LATEST.json</c>) are written: camelCase, indented, durations in seconds.
/// </summary>
public static class LakeJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // These files are read by people and jq, never embedded in HTML: keep '+' and non-ASCII as written.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new TimeSpanSecondsConverter() },
    };

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    /// <summary>Durations are written as seconds, which is what people reading the file want.</summary>
    private sealed class TimeSpanSecondsConverter : JsonConverter<TimeSpan>
    {
        public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            TimeSpan.FromSeconds(reader.GetDouble());

        public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(Math.Round(value.TotalSeconds, 3));
    }
}
