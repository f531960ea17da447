namespace Medallion.Jobs.Engine;

/// <summary>What every step of one run shares.</summary>
/// <param name="RunKey">A key already checked by <see cref="Lake.RunKey"/>.</param>
/// <param name="StartedAt">The run's start (UTC), from the injected clock: <c>_ingested_at</c> and the ingest date.</param>
/// <param name="Engine">The engine name written into the Delta commit info.</param>
public sealed record RunContext(string RunKey, DateTimeOffset StartedAt, string Engine = "duckdb")
{
    /// <summary>The UTC date of the start: bronze's <c>_ingest_date</c> partition.</summary>
    public DateOnly IngestDate => DateOnly.FromDateTime(StartedAt.UtcDateTime);
}
