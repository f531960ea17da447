using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;
using Medallion.Delta;
using Medallion.Delta.Schema;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>
/// Converts DuckDB's per-file column statistics (text) into Delta <c>stats</c> values typed as
/// the Delta protocol writes them: numbers as JSON numbers, dates as <c>yyyy-MM-dd</c>,
/// timestamps as ISO-8601 milliseconds in UTC.
/// </summary>
internal static class DuckDbFileStatistics
{
    /// <summary>The reference writer's string prefix length for min/max.</summary>
    private const int StringPrefixLength = 32;

    public static FileStatistics Convert(long rows, IDictionary columns, DeltaSchema schema, IReadOnlyList<string> partitionColumns)
    {
        var min = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var max = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var nulls = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var field in schema.Fields.Where(f => !partitionColumns.Contains(f.Name)))
        {
            if (columns[field.Name] is not IDictionary stats || !IsLeaf(field.Type))
            {
                continue;
            }

            if (stats["null_count"] is string nullCount)
            {
                nulls[field.Name] = long.Parse(nullCount, CultureInfo.InvariantCulture);
            }

            if (Bound(field.Type, stats["min"] as string, isMax: false) is { } low)
            {
                min[field.Name] = low;
            }

            if (Bound(field.Type, stats["max"] as string, isMax: true) is { } high)
            {
                max[field.Name] = high;
            }
        }

        return new FileStatistics(rows, min, max, nulls);
    }

    private static bool IsLeaf(DeltaType type) => type is DeltaPrimitiveType or DeltaDecimalType;

    private static JsonNode? Bound(DeltaType type, string? text, bool isMax)
    {
        if (text is null)
        {
            return null;
        }

        switch (type)
        {
            case DeltaDecimalType:
                return JsonValue.Create(decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
            case DeltaPrimitiveType { Name: "integer" or "long" or "short" or "byte" }:
                return JsonValue.Create(long.Parse(text, CultureInfo.InvariantCulture));
            case DeltaPrimitiveType { Name: "double" or "float" }:
                var number = double.Parse(text, CultureInfo.InvariantCulture);
                return double.IsFinite(number) ? JsonValue.Create(number) : null;
            case DeltaPrimitiveType { Name: "date" }:
                return JsonValue.Create(text);
            case DeltaPrimitiveType { Name: "timestamp" }:
                var instant = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();
                var millis = new DateTimeOffset(instant.Ticks - (instant.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
                // Stats keep milliseconds: round a maximum up so it still bounds every value.
                if (isMax && millis < instant)
                {
                    millis = millis.AddMilliseconds(1);
                }

                return JsonValue.Create(millis.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            case DeltaPrimitiveType { Name: "string" }:
                // A truncated prefix is still a lower bound; a truncated maximum is not, so
                // a long maximum is left out (readers then treat the bound as unknown).
                if (text.Length <= StringPrefixLength)
                {
                    return JsonValue.Create(text);
                }

                return isMax ? null : JsonValue.Create(text[..StringPrefixLength]);
            default:
                return null;
        }
    }
}
