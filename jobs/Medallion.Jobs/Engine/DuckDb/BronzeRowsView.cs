using Medallion.Jobs.Config;
using Medallion.Jobs.Plan;
using Medallion.Jobs.Sql;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>
/// The view <c>bronze_rows</c> over <c>raw_records</c>: each declared column cast to its type,
/// plus the lineage columns. A value that does not cast makes the record malformed (with the
/// column named) and keeps the record's original text in <c>_raw</c>, so nothing is lost.
/// </summary>
internal static class BronzeRowsView
{
    public const string View = "bronze_rows";
    private static readonly DuckDbDialect Sql = DuckDbDialect.Instance;

    /// <param name="rawRoot">The local folder the raw paths start with; <c>_source_file</c> is written relative to it.</param>
    public static string Create(TableSpec table, RunValues run, string rawRoot)
    {
        var typed = BronzeTyping.TypedColumns(table, Sql);
        var castError = BronzeTyping.CastError(table, Sql);
        var rawObject = "CAST(to_json(struct_pack(" + string.Join(", ", table.Columns.Select((c, i) => $"{Sql.Identifier(c.Name)} := __f_{i}")) + ")) AS VARCHAR)";
        var prefix = rawRoot.TrimEnd('/', '\\') + "/";

        return $"CREATE OR REPLACE TEMP VIEW {View} AS\nSELECT {string.Join(", ", typed)},\n" +
            $"  coalesce(__malformed, {castError}) AS {LineageColumns.Malformed},\n" +
            $"  CASE WHEN __malformed IS NOT NULL THEN __raw WHEN {castError} IS NOT NULL THEN {rawObject} END AS {LineageColumns.Raw},\n" +
            $"  {Sql.StringLiteral(run.RunKey)} AS {LineageColumns.RunKey},\n" +
            $"  CASE WHEN starts_with(_source_file, {Sql.StringLiteral(prefix)}) THEN substr(_source_file, {prefix.Length + 1}) ELSE _source_file END AS {LineageColumns.SourceFile},\n" +
            $"  {run.IngestedAt} AS {LineageColumns.IngestedAt},\n" +
            $"  CAST(rowid + 1 AS BIGINT) AS {LineageColumns.RecordNumber},\n" +
            $"  {run.IngestDate} AS {LineageColumns.IngestDate}\n" +
            $"FROM {RawRecordsReader.Table}";
    }
}
