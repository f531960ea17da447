namespace Medallion.Jobs.Engine.Spark;

/// <summary>The Spark session settings every Medallion job runs with.</summary>
public static class SparkSessionSettings
{
    /// <summary>
    /// Delta through delta-spark, and the two settings the rendered SQL relies on: timestamps
    /// and date parts in UTC, and backslash escapes in string literals (Spark's default, set
    /// explicitly because <see cref="Sql.SparkDialect.StringLiteral"/> depends on it), and the datetime parser casts rely on.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Values { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["spark.sql.extensions"] = "io.delta.sql.DeltaSparkSessionExtension",
        ["spark.sql.catalog.spark_catalog"] = "org.apache.spark.sql.delta.catalog.DeltaCatalog",
        ["spark.sql.session.timeZone"] = "UTC",
        ["spark.sql.parser.escapedStringLiterals"] = "false",

        // Casts with a format (try_to_timestamp) give null for a text they cannot read; under the
        // default EXCEPTION policy a text the pre-3.0 parser would read differently fails the job instead.
        ["spark.sql.legacy.timeParserPolicy"] = "CORRECTED",

        // Bronze's Parquet files are committed by Medallion's own Delta writer (SparkBronzeCommit), and every
        // reader of the table (DuckDB, Athena, delta-spark) expects Delta's INT64 timestamps, not Spark's default INT96.
        ["spark.sql.parquet.outputTimestampType"] = "TIMESTAMP_MICROS",
    };
}
