using Medallion.Jobs.Config;
using Medallion.Jobs.Plan;
using Medallion.Jobs.Sql;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>
/// The view <c>bronze_rows</c> over <c>raw_records</c>: each declared column cast to its type,
/// plus the lineage columns. A value that does not cast makes the record malformed (with the
/// column named) and keeps the record's original text in <c>_raw</c>, so nothing is lost.
/// A Parquet source has its own view over the files (<see cref="ParquetRowsView"/>), with the same columns.
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
        var rawObject = RawObject(table);
        return Compose(
            typed,
            $"coalesce(__malformed, {castError})",
            $"CASE WHEN __malformed IS NOT NULL THEN __raw WHEN {castError} IS NOT NULL THEN {rawObject} END",
            run,
            rawRoot,
            "CAST(rowid + 1 AS BIGINT)",
            RawRecordsReader.Table);
    }

    /// <summary>A record as JSON text, its declared columns named, from the scan's fields <c>__f_0, __f_1, …</c>.</summary>
    public static string RawObject(TableSpec table) =>
        "CAST(to_json(struct_pack(" + string.Join(", ", table.Columns.Select((c, i) => $"{Sql.Identifier(c.Name)} := {BronzeTyping.Field(i)}")) + ")) AS VARCHAR)";

    /// <summary>
    /// The view: the typed columns, then the lineage columns in the bronze schema's order, over
    /// <paramref name="from"/>, which has <c>_source_file</c> (the path DuckDB read).
    /// </summary>
    public static string Compose(IEnumerable<string> typed, string malformed, string raw, RunValues run, string rawRoot, string recordNumber, string from)
    {
        var prefix = rawRoot.TrimEnd('/', '\\') + "/";
        return $"CREATE OR REPLACE TEMP VIEW {View} AS\nSELECT {string.Join(", ", typed)},\n" +
            $"  {malformed} AS {LineageColumns.Malformed},\n" +
            $"  {raw} AS {LineageColumns.Raw},\n" +
            $"  {Sql.StringLiteral(run.RunKey)} AS {LineageColumns.RunKey},\n" +
            $"  CASE WHEN starts_with(_source_file, {Sql.StringLiteral(prefix)}) THEN substr(_source_file, {prefix.Length + 1}) ELSE _source_file END AS {LineageColumns.SourceFile},\n" +
            $"  {run.IngestedAt} AS {LineageColumns.IngestedAt},\n" +
            $"  {recordNumber} AS {LineageColumns.RecordNumber},\n" +
            $"  {run.IngestDate} AS {LineageColumns.IngestDate}\n" +
            $"FROM {from}";
    }
}
