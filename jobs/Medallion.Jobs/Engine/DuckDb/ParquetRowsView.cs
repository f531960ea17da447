using Medallion.Jobs.Config;
using Medallion.Jobs.Sql;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>
/// A Parquet source's <c>bronze_rows</c>, straight over the files: no <c>raw_records</c> table and
/// no text round trip. The files' types are read once (<see cref="Describe"/>, across every file as
/// <c>union_by_name</c> unifies them) and each declared column is read from its own
/// (<see cref="ParquetColumn"/>). <c>_record_number</c> keeps its meaning, the position in the run's
/// input (files in name order, then rows in file order), from what the reader knows: the rows of
/// the earlier files (<see cref="NumberFiles"/>, from the files' metadata) plus the row's
/// <c>file_row_number</c>. So no pass materializes the rows in input order.
/// </summary>
internal static class ParquetRowsView
{
    /// <summary>Each file's first record number less one, by its position in the read (<c>file_index</c>).</summary>
    public const string FileOffsets = "raw_file_offsets";

    private static readonly DuckDbDialect Sql = DuckDbDialect.Instance;

    /// <summary>One row per declared column (<c>__f_0, __f_1, …</c>) with its type across the files in the second column.</summary>
    public static string Describe(TableSpec table, ReadFiles files) =>
        $"DESCRIBE SELECT {string.Join(", ", table.Columns.Select((c, i) => $"{Reference(c)} AS {BronzeTyping.Field(i)}"))}\n" +
        $"FROM read_parquet({files.List}, union_by_name = true)";

    /// <summary>
    /// Counts each file's rows (from the Parquet footers: no column is read) and sums those of the
    /// files before it. <c>file_index</c> is the file's position in the read's list, in the same
    /// statement as in the view's: the files' name order.
    /// </summary>
    public static string NumberFiles(ReadFiles files) =>
        $"CREATE OR REPLACE TEMP TABLE {FileOffsets} AS SELECT file_index, CAST(sum(count(*)) OVER (ORDER BY file_index) - count(*) AS BIGINT) AS __offset\n" +
        $"FROM read_parquet({files.List}, union_by_name = true) GROUP BY file_index";

    /// <param name="fileTypes">Each declared column's type across the files, as <see cref="Describe"/> names it.</param>
    /// <param name="rawRoot">The local folder the raw paths start with; <c>_source_file</c> is written relative to it.</param>
    public static string Create(TableSpec table, IReadOnlyList<string> fileTypes, RunValues run, string rawRoot, ReadFiles files)
    {
        if (fileTypes.Count != table.Columns.Count)
        {
            throw new ArgumentException($"{fileTypes.Count} file types for {table.Columns.Count} columns.", nameof(fileTypes));
        }

        var columns = table.Columns.Select((c, i) => new ParquetColumn(c, i, fileTypes[i])).ToList();
        var failures = columns.Select(c => c.Failure).OfType<string>().ToList();
        var malformed = failures.Count == 0 ? "CAST(NULL AS VARCHAR)" : $"nullif(concat_ws('; ', {string.Join(", ", failures)}), '')";
        var raw = failures.Count == 0 ? "CAST(NULL AS VARCHAR)" : $"CASE WHEN {malformed} IS NOT NULL THEN {BronzeRowsView.RawObject(table)} END";
        var scan = $"(SELECT {string.Join(", ", columns.Select(c => c.Select(Reference(c.Column))))}, filename AS _source_file, file_index, file_row_number\n" +
            $"  FROM read_parquet({files.List}, union_by_name = true, filename = true, file_row_number = true))";
        return BronzeRowsView.Compose(
            columns.Select(c => $"{c.Value} AS {Sql.Identifier(c.Column.Name)}"),
            malformed,
            raw,
            run,
            rawRoot,
            $"CAST({FileOffsets}.__offset + file_row_number + 1 AS BIGINT)",
            $"{scan}\nJOIN {FileOffsets} USING (file_index)");
    }

    /// <summary>The declared field in the files; a dotted field is a struct member (<c>"a"."b"</c>).</summary>
    private static string Reference(ColumnSpec column) => string.Join(".", column.Field.Split('.').Select(Sql.Identifier));
}
