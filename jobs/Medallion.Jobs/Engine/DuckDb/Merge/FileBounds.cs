using System.Text.Json;
using System.Text.Json.Nodes;
using Medallion.Delta;
using Medallion.Delta.Schema;

namespace Medallion.Jobs.Engine.DuckDb.Merge;

/// <summary>
/// Each live file's bounds on the key columns, from the log alone (no file is opened): a partition
/// column's bounds are its partition value, another column's are the <c>add.stats</c> min and max.
/// A bound the log does not give (no stats, a type without them) is null, and the file stays a candidate.
/// </summary>
internal static class FileBounds
{
    private const int RowsPerInsert = 500;

    /// <summary>INSERT statements filling <see cref="MergeStatements.BoundsTable"/> for <paramref name="files"/>.</summary>
    public static IEnumerable<string> Inserts(IReadOnlyList<AddFile> files, IReadOnlyList<DeltaField> keyFields, IReadOnlyList<string> partitionColumns)
    {
        foreach (var chunk in files.Chunk(RowsPerInsert))
        {
            var rows = chunk.Select(file => "(" + string.Join(", ", new[] { DuckDbSql.Literal(file.Path) }.Concat(
                keyFields.SelectMany(field => new[] { Bound(file, field, partitionColumns, low: true), Bound(file, field, partitionColumns, low: false) }))) + ")");
            yield return $"INSERT INTO {MergeStatements.BoundsTable} VALUES {string.Join(", ", rows)}";
        }
    }

    private static string Bound(AddFile file, DeltaField field, IReadOnlyList<string> partitionColumns, bool low)
    {
        var type = DuckDbTypes.ToDuckDb(field.Type);
        if (partitionColumns.Contains(field.Name, StringComparer.Ordinal))
        {
            return file.PartitionValues.GetValueOrDefault(field.Name) is { Length: > 0 } value
                ? DuckDbTypes.FromPartitionString(DuckDbSql.Literal(value), field.Type, "UTC")
                : $"CAST(NULL AS {type})";
        }

        var values = low ? file.Stats?.MinValues : file.Stats?.MaxValues;
        return values?.GetValueOrDefault(field.Name) is JsonValue json && Text(json) is { } text
            ? $"TRY_CAST({DuckDbSql.Literal(text)} AS {type})"
            : $"CAST(NULL AS {type})";
    }

    /// <summary>A stats value as DuckDB parses it: a string's text, a number's digits.</summary>
    private static string? Text(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Number => value.ToJsonString(),
        _ => null,
    };
}
