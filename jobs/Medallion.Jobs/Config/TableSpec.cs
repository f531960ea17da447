using Medallion.Jobs.Config.Casting;
using Medallion.Jobs.Config.Rules;
using Medallion.Jobs.Config.Transforms;

namespace Medallion.Jobs.Config;

/// <summary>One table of a dataset: where it comes from, its bronze columns and its silver recipe.</summary>
/// <param name="Name">Table name; <c>^[a-z][a-z0-9_]{0,62}$</c>.</param>
/// <param name="SchemaVersion">Schema version, <c>v1</c> by default; part of the lake path.</param>
/// <param name="Source">Where the raw files come from.</param>
/// <param name="Columns">Bronze columns in order, typed as declared.</param>
/// <param name="PrimaryKey">Columns that identify a row (documentation and Athena; enforce with a <c>unique</c> rule).</param>
/// <param name="Transforms">Silver transforms, applied in order.</param>
/// <param name="Rules">Silver quality rules, checked after all transforms.</param>
/// <param name="PartitionBy">Silver partition columns; each must be produced by the transforms.</param>
/// <param name="Validation">Gate thresholds for <c>medallion validate</c>; <see cref="ValidationSpec.Default"/> when not given.</param>
/// <param name="Promotion">
/// How a validated run is promoted; by default <see cref="PromotionMode.Append"/> with incremental
/// ingestion and <see cref="PromotionMode.ReplacePartitions"/> with full ingestion.
/// </param>
/// <param name="Location">Where the table was written.</param>
public sealed record TableSpec(
    string Name,
    string SchemaVersion,
    SourceSpec Source,
    IReadOnlyList<ColumnSpec> Columns,
    IReadOnlyList<string> PrimaryKey,
    IReadOnlyList<TransformSpec> Transforms,
    IReadOnlyList<RuleSpec> Rules,
    IReadOnlyList<string> PartitionBy,
    ValidationSpec Validation,
    PromotionMode Promotion,
    SourceLocation Location)
{
    /// <summary>
    /// Where each <see cref="PartitionBy"/> entry was written, in the same order, so errors point
    /// at the entry; empty for tables built in code (errors then point at the table).
    /// </summary>
    public IReadOnlyList<SourceLocation> PartitionByLocations { get; init; } = [];

    /// <summary>Where each <see cref="PrimaryKey"/> entry was written, like <see cref="PartitionByLocations"/>.</summary>
    public IReadOnlyList<SourceLocation> PrimaryKeyLocations { get; init; } = [];

    /// <summary>How a <see cref="PromotionMode.Merge"/> promotion picks the newer row and tells a tombstone; <see cref="MergeSpec.Default"/> when not given.</summary>
    /// <value>Read only when <see cref="Promotion"/> is <see cref="PromotionMode.Merge"/>.</value>
    public MergeSpec Merge { get; init; } = MergeSpec.Default;
    /// <summary>Whether columns added to the configuration may be added to the existing tables (YAML <c>schema_evolution</c>).</summary>
    /// <value><see cref="SchemaEvolutionMode.Fail"/>.</value>
    public SchemaEvolutionMode SchemaEvolution { get; init; } = SchemaEvolutionMode.Fail;

    /// <summary>Which raw files a run reads (<c>ingestion:</c>).</summary>
    /// <value>Default <see cref="IngestionMode.Incremental"/>: only objects bronze has not ingested, or that changed since.</value>
    public IngestionMode Ingestion { get; init; } = IngestionMode.Incremental;
}

/// <summary>Which raw files a run of a table reads.</summary>
public enum IngestionMode
{
    /// <summary>Only the objects bronze has not ingested, or whose size or ETag (local: size or modification time) changed (the default).</summary>
    Incremental,

    /// <summary>Every object the glob matches, each run; bronze still holds each object's records once (a re-read object's earlier rows are replaced).</summary>
    Full,
}

/// <summary>A bronze column.</summary>
/// <param name="Name">Column name; <c>^[A-Za-z_][A-Za-z0-9_]{0,127}$</c>, not starting with <c>_</c>.</param>
/// <param name="Type">The declared bronze type.</param>
/// <param name="Field">
/// Where the value is read from: for JSON a dotted path into the object (<c>title.rendered</c>),
/// for CSV a header name; defaults to <paramref name="Name"/>.
/// </param>
/// <param name="Location">Where the column was written.</param>
public sealed record ColumnSpec(string Name, ColumnType Type, string Field, SourceLocation Location)
{
    /// <summary>How the raw text becomes <see cref="Type"/>: formats, rounding, separators, boolean words.</summary>
    public CastOptions Cast { get; init; } = CastOptions.Default;

    /// <summary>The type written could not be read (an error says so); only a file with errors has such a column.</summary>
    internal bool TypeUnknown { get; init; }
    /// <summary>
    /// Whether every CSV file must have the column in its header (YAML <c>required</c>); when false a
    /// file without it reads null for it, as files written before the column was added would.
    /// </summary>
    /// <value><see langword="true"/>.</value>
    public bool Required { get; init; } = true;
}

/// <summary>The raw input format.</summary>
public enum SourceFormat
{
    /// <summary>JSON: a top-level array of objects, or newline-delimited objects.</summary>
    Json,
    Csv,
    Parquet,
}

/// <summary>Where raw files come from.</summary>
/// <param name="Path">A glob relative to the environment's raw root, e.g. <c>mortgage_transactions/*.csv</c>.</param>
/// <param name="Format">The raw file format.</param>
/// <param name="Csv">CSV dialect; <see cref="CsvOptions.Default"/> for other formats.</param>
/// <param name="Location">Where the source was written.</param>
public sealed record SourceSpec(string Path, SourceFormat Format, CsvOptions Csv, SourceLocation Location)
{
    /// <summary>The placeholder of a raw partition's date in <c>source.path</c>, e.g. <c>orders/dt={date}/*.json</c>.</summary>
    public const string DatePlaceholder = "{date}";

    /// <summary>
    /// <c>source.path</c> as written when it has <see cref="DatePlaceholder"/> (<see cref="Path"/> then
    /// has <c>*</c> in its place, the glob the engines read); backfill reads each file's date from it.
    /// </summary>
    /// <value>Default null: the path has no date.</value>
    public string? DatedPath { get; init; }
}

/// <summary>CSV dialect. Defaults: header row, comma, double quote, quote doubled to escape.</summary>
public sealed record CsvOptions(bool Header = true, char Delimiter = ',', char Quote = '"', char Escape = '"')
{
    public static CsvOptions Default { get; } = new();
}

/// <summary>
/// Gate thresholds used by <c>medallion validate</c>. A table without a <c>validation:</c> block gets
/// <see cref="Default"/>, the gate a careful engineer would set: a run must keep at least one row and
/// may quarantine at most half of what it read; <c>validation: none</c> (<see cref="None"/>) opts out.
/// </summary>
/// <param name="MinRows">Fewest silver rows a run may have; default 1, so an empty run never replaces <c>current/</c>.</param>
/// <param name="MaxQuarantineRatio">
/// Largest quarantined share of rows read; default 0.5: a run that loses more than half its rows to
/// quarantine almost always read input whose shape changed (a new delimiter, a renamed field, another
/// date layout), not data that is half bad, while ordinary dirty data stays well below it.
/// </param>
/// <param name="MaxRowChangeRatio">Largest relative change in silver rows against the promoted run; null for no check.</param>
public sealed record ValidationSpec(long MinRows = 1, double MaxQuarantineRatio = 0.5, double? MaxRowChangeRatio = null)
{
    /// <summary>The gate of a table without a <c>validation:</c> block: <c>min_rows: 1</c>, <c>max_quarantine_ratio: 0.5</c>.</summary>
    public static ValidationSpec Default { get; } = new();

    /// <summary>
    /// <c>validation: none</c>: no row or quarantine thresholds (those checks are reported as skipped).
    /// <c>success_marker</c>, <c>counts_reconcile</c>, <c>schema_version</c> and <c>partitions_present</c> still run:
    /// they say whether the run is whole, not whether its data is good.
    /// </summary>
    public static ValidationSpec None { get; } = new(0, 1.0, null) { ThresholdsOff = true };

    /// <summary>True for <see cref="None"/>: the table opted out of the threshold checks.</summary>
    public bool ThresholdsOff { get; init; }
}

/// <summary>How a validated run becomes the content of <c>current/</c>.</summary>
public enum PromotionMode
{
    /// <summary>Replace exactly the partitions the run covers (the default).</summary>
    ReplacePartitions,

    /// <summary>Replace the whole table.</summary>
    ReplaceAll,

    /// <summary>Append the run's rows.</summary>
    Append,

    /// <summary>Upsert the run's rows into <c>current/</c> by the table's primary key (tombstones delete theirs).</summary>
    Merge,
}
