using System.Globalization;
using Medallion.Jobs.Config;
using Medallion.Jobs.Sql;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>
/// What the embedded engine's statements say about the run they belong to: its key, its start as
/// SQL literals and as bronze's ingest-date partition, and the names of the data files it writes.
/// A run takes them from its <see cref="RunContext"/>; <c>medallion plan</c>, which prints the
/// statements for no run in particular, takes named placeholders. Both go through the same
/// builders, so nothing is patched into a statement after it was built.
/// </summary>
internal sealed class RunValues
{
    public const string RunKeyPlaceholder = "<run-key>";
    public const string RunStartPlaceholder = "<run start>";

    private static readonly DuckDbDialect Sql = DuckDbDialect.Instance;
    private readonly Func<string> _fileId;

    private RunValues(string runKey, string ingestedAt, string ingestDate, string ingestDatePartition, Func<string> fileId)
    {
        RunKey = runKey;
        IngestedAt = ingestedAt;
        IngestDate = ingestDate;
        IngestDatePartition = ingestDatePartition;
        _fileId = fileId;
    }

    /// <summary>The placeholders <c>medallion plan</c> prints: typed literals of placeholder text, and DuckDB's own <c>{uuid}</c> for file names.</summary>
    public static RunValues Placeholders { get; } = new(
        RunKeyPlaceholder,
        $"{Sql.TypeName(ColumnType.Timestamp)} {Sql.StringLiteral(RunStartPlaceholder)}",
        $"{Sql.TypeName(ColumnType.Date)} {Sql.StringLiteral(RunStartPlaceholder)}",
        RunStartPlaceholder,
        () => "{uuid}");

    /// <summary>The run key (checked by <see cref="Lake.RunKey"/> for a run), as it goes into literals and paths.</summary>
    public string RunKey { get; }

    /// <summary><c>_ingested_at</c>: the run's start, a SQL literal.</summary>
    public string IngestedAt { get; }

    /// <summary><c>_ingest_date</c>: the run's start date (UTC), a SQL literal.</summary>
    public string IngestDate { get; }

    /// <summary>The same date as a partition value (<c>yyyy-MM-dd</c>).</summary>
    public string IngestDatePartition { get; }

    public static RunValues Of(RunContext run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new RunValues(
            run.RunKey,
            Sql.TimestampLiteral(run.StartedAt),
            Sql.DateLiteral(run.IngestDate),
            run.IngestDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            () => Guid.NewGuid().ToString());
    }

    /// <summary>
    /// A new name for a data file written whole by one COPY: <c>part-{uuid}.parquet</c>, as DuckDB
    /// names the files it partitions, so a copy into <c>current/</c> never overwrites a live file.
    /// </summary>
    public string NewDataFileName() => $"part-{_fileId()}.parquet";
}
