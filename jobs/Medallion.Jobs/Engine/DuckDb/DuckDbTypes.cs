using Medallion.Delta.Schema;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>Delta types as DuckDB types, and partition strings as DuckDB values.</summary>
internal static class DuckDbTypes
{
    public static string ToDuckDb(DeltaType type) => type switch
    {
        DeltaDecimalType decimalType => $"DECIMAL({decimalType.Precision},{decimalType.Scale})",
        DeltaArrayType array => $"{ToDuckDb(array.ElementType)}[]",
        DeltaMapType map => $"MAP({ToDuckDb(map.KeyType)}, {ToDuckDb(map.ValueType)})",
        DeltaStructType structType => $"STRUCT({string.Join(", ", structType.Fields.Select(column => $"{DuckDbSql.Identifier(column.Name)} {ToDuckDb(column.Type)}"))})",
        DeltaPrimitiveType primitive => primitive.Name switch
        {
            "string" => "VARCHAR",
            "long" => "BIGINT",
            "integer" => "INTEGER",
            "short" => "SMALLINT",
            "byte" => "TINYINT",
            "float" => "FLOAT",
            "double" => "DOUBLE",
            "boolean" => "BOOLEAN",
            "binary" => "BLOB",
            "date" => "DATE",
            "timestamp" => "TIMESTAMPTZ",
            "timestamp_ntz" => "TIMESTAMP",
            _ => throw new ArgumentOutOfRangeException(nameof(type), type.Name, "No DuckDB type for this Delta type."),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Name, "No DuckDB type for this Delta type."),
    };

    /// <summary>
    /// Turns the protocol's partition string (a VARCHAR expression) into the column type. Null stays null.
    /// </summary>
    /// <remarks>
    /// A <c>timestamp</c> partition value is either ISO 8601 in UTC (<c>…T…Z</c>) or a zone-less
    /// <c>yyyy-MM-dd HH:mm:ss[.ffffff]</c>, which the protocol leaves to the writer's zone; Medallion
    /// reads it in <paramref name="zoneLessTimeZone"/> (UTC unless the caller knows the writer's
    /// zone) and never depends on the DuckDB session zone.
    /// </remarks>
    public static string FromPartitionString(string expression, DeltaType type, string zoneLessTimeZone) => type switch
    {
        DeltaPrimitiveType { Name: "timestamp" } =>
            $"CASE WHEN {expression} LIKE '%Z' THEN timezone('UTC', CAST(replace(replace({expression}, 'T', ' '), 'Z', '') AS TIMESTAMP)) " +
            $"ELSE timezone({DuckDbSql.Literal(zoneLessTimeZone)}, CAST({expression} AS TIMESTAMP)) END",
        DeltaPrimitiveType { Name: "binary" } => $"encode({expression})",
        _ => $"CAST({expression} AS {ToDuckDb(type)})",
    };

    /// <summary>
    /// Casts a data column read from Parquet to the schema type. A <c>timestamp</c> stored without
    /// the UTC flag (INT96, as Spark writes by default) holds UTC wall time, so it is pinned to UTC
    /// instead of being cast through the session time zone.
    /// </summary>
    public static string FromFileColumn(string expression, string fileType, DeltaType type) =>
        type is DeltaPrimitiveType { Name: "timestamp" } && fileType.StartsWith("TIMESTAMP", StringComparison.Ordinal) && !fileType.Contains("TIME ZONE", StringComparison.Ordinal)
            ? $"timezone('UTC', CAST({expression} AS TIMESTAMP))"
            : $"CAST({expression} AS {ToDuckDb(type)})";
}
