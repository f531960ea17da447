using Medallion.Jobs.Config;
using Medallion.Jobs.Lake;
using Medallion.Jobs.Plan;
using Medallion.Jobs.Sql;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>
/// The statements of one table's bronze layer on the embedded engine, built once per run:
/// <see cref="BronzeStep"/> executes them and <c>medallion plan</c> prints <see cref="Listing"/>,
/// so the printed plan is what runs. Only loading the raw files depends on what they hold (CSV
/// headers, JSON arrays, Parquet types): the listing shows the statements for files in the declared
/// layout (Parquet files holding the declared types).
/// </summary>
internal sealed class BronzeScript
{
    /// <summary>Records read, and how many of them are malformed.</summary>
    public const string Counts = $"SELECT count(*), count({LineageColumns.Malformed}) FROM {BronzeRowsView.View}";

    /// <param name="rawRoot">The local folder the raw paths start with; <c>_source_file</c> is written relative to it.</param>
    /// <param name="lakeDirectory">The local folder the engine writes tables into.</param>
    public BronzeScript(TablePlan plan, RunValues run, string rawRoot, string lakeDirectory)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Plan = plan;
        RawRoot = rawRoot;
        _run = run;
        TablePath = new LakeLayout(plan.Dataset.Name, plan.Table.Name, plan.Table.SchemaVersion).Bronze;
        RowsView = BronzeRowsView.Create(plan.Table, run, rawRoot);
        Write = ParquetWrite.Bronze(run);
        Copy = ParquetFileWriter.CopyStatement(Write, DuckDbTables.LocalPath(lakeDirectory, TablePath));
    }

    private readonly RunValues _run;

    public TablePlan Plan { get; }

    /// <summary>The local folder the raw paths start with.</summary>
    public string RawRoot { get; }

    /// <summary>The bronze table, relative to the lake.</summary>
    public string TablePath { get; }

    /// <summary>The view that types the raw records and adds lineage (CSV and JSON; see <see cref="ParquetRows"/>).</summary>
    public string RowsView { get; }

    /// <summary>What the COPY writes: the run's rows into its ingest-date partition.</summary>
    public ParquetWrite Write { get; }

    /// <summary>The COPY statement <see cref="ParquetFileWriter.WriteAsync"/> runs for <see cref="Write"/>.</summary>
    public string Copy { get; }

    /// <summary>The query that finds the declared columns' types in Parquet <paramref name="files"/>.</summary>
    public string DescribeParquet(ReadFiles files) => ParquetRowsView.Describe(Plan.Table, files);

    /// <summary>
    /// A Parquet source's statements once its types are known (<see cref="DescribeParquet"/>):
    /// number the files, and the view that reads the declared columns from them.
    /// </summary>
    public IReadOnlyList<string> ParquetRows(ReadFiles files, IReadOnlyList<string> fileTypes) =>
    [
        ParquetRowsView.NumberFiles(files),
        ParquetRowsView.Create(Plan.Table, fileTypes, _run, RawRoot, files),
    ];

    /// <summary>
    /// Every statement in the order the step runs them, reading <paramref name="files"/>: the files of
    /// a run (each read literally), or the table's glob for <c>medallion plan</c>. A run may add reads
    /// for files DuckDB refuses (<see cref="RawRecordsReader"/>).
    /// </summary>
    public IReadOnlyList<string> Listing(IReadOnlyList<string> files) =>
    [
        .. Plan.Table.Source.Format == SourceFormat.Parquet && files.Count > 0 ? ParquetListing(ReadFiles.Glob(files)) : [.. RawRecordsReader.Statements(Plan.Table, files), RowsView],
        Counts,
        Copy,
        "-- then one Delta commit on the bronze table: add the files written, remove the files of an earlier attempt of this run key",
    ];

    private IReadOnlyList<string> ParquetListing(ReadFiles files)
    {
        var rows = ParquetRows(files, [.. Plan.Table.Columns.Select(c => DuckDbDialect.Instance.TypeName(c.Type))]);
        return
        [
            "-- Parquet: each declared column's type across the files (union_by_name), read once\n" + DescribeParquet(files),
            rows[0],
            "-- shown for files that hold the declared types; a column of another type is converted once, exactly or checked (docs/types.md)\n" + rows[1],
        ];
    }
}
