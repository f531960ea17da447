using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Medallion.Delta;
using Medallion.Delta.Schema;
using Medallion.Delta.Writing;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>
/// Converts DuckDB's per-file column statistics (text) into Delta <c>stats</c> values typed as
/// the Delta protocol writes them: numbers as JSON numbers, dates as <c>yyyy-MM-dd</c>,
/// timestamps as ISO-8601 milliseconds in UTC. Like the reference writer, only the first
/// <see cref="StringStatistics.IndexedColumns"/> leaf data columns get statistics, and string
/// bounds are cut by <see cref="StringStatistics"/>.
/// </summary>
public static class DuckDbFileStatistics
{
    public static FileStatistics Convert(long rows, IDictionary columns, DeltaSchema schema, IReadOnlyList<string> partitionColumns)
    {
        var min = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var max = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var nulls = new Dictionary<string, long>(StringComparer.Ordinal);
        var indexed = 0;
        foreach (var field in schema.Fields.Where(f => !partitionColumns.Contains(f.Name)))
        {
            indexed += LeafCount(field.Type);
            if (indexed > StringStatistics.IndexedColumns)
            {
                break;
            }

            if (columns[StatisticsKey(field.Name)] is not IDictionary stats || !IsLeaf(field.Type))
            {
                continue;
            }

            if (stats["null_count"] is string nullCount)
            {
                nulls[field.Name] = long.Parse(nullCount, CultureInfo.InvariantCulture);
            }

            // A NaN is outside every bound, and DuckDB's min and max leave NaNs out: a column that holds one gets none.
            if (stats.Contains("has_nan") && stats["has_nan"] as string == "true")
            {
                continue;
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

    /// <summary>
    /// RETURN_STATS keys columns by their SQL-quoted name (<c>"id"</c>, <c>"we""ird"</c>, nested
    /// <c>"st"."x"</c>), even where quoting is not needed.
    /// </summary>
    private static string StatisticsKey(string column) => $"\"{column.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static bool IsLeaf(DeltaType type) => type is DeltaPrimitiveType or DeltaDecimalType;

    /// <summary>The reference writer counts a struct as its leaves when it picks the first 32 columns.</summary>
    private static int LeafCount(DeltaType type) =>
        type is DeltaStructType structType ? structType.Fields.Sum(field => LeafCount(field.Type)) : 1;

    private static JsonNode? Bound(DeltaType type, string? text, bool isMax)
    {
        if (text is null)
        {
            return null;
        }

        switch (type)
        {
            case DeltaDecimalType:
                // The digits as DuckDB wrote them: a decimal(38,s) has more than .NET's decimal holds,
                // which would round a bound (a maximum rounded down no longer bounds) or overflow.
                return JsonNode.Parse(text) is JsonValue exact && exact.GetValueKind() == JsonValueKind.Number ? exact : null;
            case DeltaPrimitiveType { Name: "integer" or "long" or "short" or "byte" }:
                return JsonValue.Create(long.Parse(text, CultureInfo.InvariantCulture));
            case DeltaPrimitiveType { Name: "double" or "float" }:
                // DuckDB writes infinities as inf and -inf, which .NET does not parse; JSON has no infinity either.
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
                    ? JsonValue.Create(number)
                    : null;
            case DeltaPrimitiveType { Name: "date" }:
                return JsonValue.Create(text);
            case DeltaPrimitiveType { Name: "timestamp" }:
                // Years beyond 9999 (DuckDB goes further, .NET does not) get no bound.
                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    return null;
                }

                var instant = parsed.ToUniversalTime();
                var millis = new DateTimeOffset(instant.Ticks - (instant.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
                // Stats keep milliseconds: round a maximum up so it still bounds every value (none
                // does above the last millisecond of 9999).
                if (isMax && millis < instant)
                {
                    if (millis.Ticks > DateTimeOffset.MaxValue.Ticks - TimeSpan.TicksPerMillisecond)
                    {
                        return null;
                    }

                    millis = millis.AddMilliseconds(1);
                }

                return JsonValue.Create(millis.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            case DeltaPrimitiveType { Name: "string" }:
                return JsonValue.Create(isMax ? StringStatistics.TruncateMax(text) : StringStatistics.TruncateMin(text));
            default:
                return null;
        }
    }
}
