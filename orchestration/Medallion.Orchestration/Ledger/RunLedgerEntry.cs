using Medallion.Jobs.Engine;

namespace Medallion.Orchestration.Ledger;

/// <summary>
/// The content of a run's <c>_run.json</c>: what ran, on what input, how it ended, with counts
/// and the Delta versions it wrote. The ledger lives in the lake beside the run's data, so it
/// works the same on a laptop and on S3.
/// </summary>
public sealed record RunLedgerEntry(
    string RunKey,
    string Dataset,
    string Table,
    IReadOnlyList<string> Layers,
    string Engine,
    string Environment,
    string SchemaVersion,
    string Status,
    IReadOnlyList<RunStatusChange> StatusHistory,
    IReadOnlyList<RunInputFile> InputFiles,
    LayerResult? Bronze,
    LayerResult? Silver,
    string? Error)
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    /// <summary>The entry moved to <paramref name="status"/> at <paramref name="at"/>.</summary>
    public RunLedgerEntry WithStatus(string status, DateTimeOffset at) =>
        this with { Status = status, StatusHistory = [.. StatusHistory, new RunStatusChange(status, at)] };
}

/// <summary>One status change, in UTC.</summary>
public sealed record RunStatusChange(string Status, DateTimeOffset At);

/// <summary>An input file and its size when the run read it.</summary>
public sealed record RunInputFile(string Path, long Size);
