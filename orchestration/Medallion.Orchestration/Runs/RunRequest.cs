using Medallion.Jobs.Config;

namespace Medallion.Orchestration.Runs;

/// <summary>Which layers a run processes.</summary>
public enum RunLayer
{
    Bronze,
    Silver,
    All,
}

/// <summary>What <c>medallion run</c> was asked to do.</summary>
/// <param name="Table">One table, or null for every table of the dataset.</param>
/// <param name="RunKey">A given key (checked), or null to generate one.</param>
/// <param name="Environment">An environment of <c>medallion.yaml</c>, or null for its default.</param>
/// <param name="Input">A folder to read raw files from instead of the environment's raw root.</param>
/// <param name="ExecutionArn">The Step Functions execution that started the run, recorded in the ledger and <c>_LATEST.json</c>.</param>
/// <param name="Engine">Runs on this engine instead of the one the environment names (<c>--engine</c>).</param>
public sealed record RunRequest(
    string Dataset,
    string? Table = null,
    RunLayer Layer = RunLayer.All,
    string? RunKey = null,
    string? Environment = null,
    string? Input = null,
    string? ExecutionArn = null,
    EngineKind? Engine = null)
{
    /// <summary>
    /// How long the run key stays taken if this attempt dies without releasing it (<c>--lease-expiry</c>);
    /// the attempt renews its lease every third of it while it runs.
    /// </summary>
    /// <value>Default null: <see cref="DefaultLeaseExpiry"/>.</value>
    public TimeSpan? LeaseExpiry { get; init; }

    /// <summary>
    /// Exactly these raw objects (<c>--files</c>, <c>--object</c>, a backfill slice): paths or globs relative
    /// to the raw root, matched like a table's <c>source.path</c>; each table reads the listed objects its
    /// own glob matches, whether bronze ingested them before or not (their earlier bronze rows are replaced).
    /// </summary>
    /// <value>Default null: the table's <c>ingestion:</c> mode decides (what is new, or every matching object).</value>
    public IReadOnlyList<string>? Files { get; init; }

    /// <summary>Every object the table's glob matches, whether bronze ingested it before or not (<c>--reprocess</c>).</summary>
    /// <value>Default false.</value>
    public bool Reprocess { get; init; }

    /// <summary>Five minutes: how long a killed attempt blocks its run key, and long enough that a slow store rarely delays a renewal past it.</summary>
    public static TimeSpan DefaultLeaseExpiry { get; } = TimeSpan.FromMinutes(5);
}
