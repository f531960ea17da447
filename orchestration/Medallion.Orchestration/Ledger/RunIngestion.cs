namespace Medallion.Orchestration.Ledger;

/// <summary>How a run chose the raw objects of a table, as its <c>_run.json</c> records it.</summary>
/// <param name="Mode">
/// <see cref="Incremental"/> (objects bronze had not ingested, or that changed), <see cref="Full"/> (every matching
/// object, <c>ingestion: full</c>), <see cref="Reprocess"/> (<c>--reprocess</c>) or <see cref="Files"/>
/// (<c>--files</c>, <c>--object</c>, a backfill slice).
/// </param>
/// <param name="NothingNew">True when there was nothing to read: the run wrote nothing and ends <c>nothing_new</c>.</param>
/// <param name="Since">The run key of the last run that ingested raw objects into bronze, when known.</param>
public sealed record RunIngestion(string Mode, bool NothingNew = false, string? Since = null)
{
    public const string Incremental = "incremental";
    public const string Full = "full";
    public const string Reprocess = "reprocess";
    public const string Files = "files";

    /// <summary>The line a user reads for a run with nothing to read.</summary>
    public string Describe() =>
        Mode == Files ? "nothing to read: no file given matches its source.path"
        : Since is null ? "nothing new" : $"nothing new since run {Since}";
}
