using Medallion.Jobs.Plan;
using Medallion.Jobs.Sql;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>
/// What one <see cref="ParquetFileWriter"/> COPY writes: the rows, their partitioning and writer
/// settings. The steps and <c>medallion plan</c> take the same value from the factories below, so
/// the printed plan cannot drift from what runs.
/// </summary>
/// <param name="Query">The rows to write.</param>
/// <param name="PartitionColumns">The table's partition columns.</param>
/// <param name="KnownPartition">
/// The partition every row belongs to, when the caller knows it (bronze's run date, quarantine's run
/// key): the rows, without those columns, go to one file in that partition's folder. DuckDB's
/// partitioned writer costs a quarter more even when there is a single partition. The values must
/// not need escaping in a path (ISO dates and run keys never do).
/// </param>
/// <param name="DictionarySizeLimit">DuckDB's <c>DICTIONARY_SIZE_LIMIT</c>, when not its default (see <see cref="BronzeDictionarySizeLimit"/>).</param>
/// <param name="FileName">
/// The file's name when one COPY writes one file (no partition columns, or a known partition), from
/// <see cref="RunValues.NewDataFileName"/>; null for a new <c>part-{uuid}.parquet</c> each time the statement is built.
/// </param>
internal sealed record ParquetWrite(
    string Query,
    IReadOnlyList<string> PartitionColumns,
    IReadOnlyDictionary<string, string>? KnownPartition = null,
    int? DictionarySizeLimit = null,
    string? FileName = null)
{
    /// <summary>
    /// The dictionary size limit for bronze files, whose columns are all text and mostly near-unique
    /// (ids, amounts and timestamps as they arrived). With DuckDB's default (a fifth of a row group)
    /// the writer hashes tens of thousands of distinct values per column before it gives up on a
    /// dictionary; with 256, columns of few values (codes, lineage) keep theirs. Bronze COPY of
    /// 10 M rows: 4.2–4.6 s → 2.9–3.6 s, same file size (docs/BENCHMARKS.md). Silver and quarantine
    /// keep the default: analysts' engines use dictionaries and the bloom filters DuckDB writes with them.
    /// </summary>
    public const int BronzeDictionarySizeLimit = 256;

    /// <summary>A run's bronze rows: the one ingest-date partition of the run.</summary>
    public static ParquetWrite Bronze(RunValues run) =>
        new($"SELECT * FROM {BronzeRowsView.View}", LakeSchemas.BronzePartitions, LakeSchemas.BronzePartition(run.IngestDatePartition),
            BronzeDictionarySizeLimit, run.NewDataFileName());

    /// <summary>A run's silver rows, partitioned as the table declares (one file when it declares no partitions).</summary>
    public static ParquetWrite Silver(TablePlan plan, SilverQuery query, RunValues run) =>
        new(SilverStatements.SilverRows(query), plan.Table.PartitionBy, FileName: run.NewDataFileName());

    /// <summary>A run's quarantined rows: the run key's one partition.</summary>
    public static ParquetWrite Quarantine(RunValues run, SilverQuery query) =>
        new(SilverStatements.QuarantineRows(query), LakeSchemas.QuarantinePartitions, LakeSchemas.QuarantinePartition(run.RunKey), FileName: run.NewDataFileName());
}
