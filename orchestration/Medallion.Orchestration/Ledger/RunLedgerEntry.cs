using Medallion.Jobs.Engine;

namespace Medallion.Orchestration.Ledger;

/// <summary>
/// The content of a run's <c>_run.json</c>: what ran, on what input, how it ended, with counts
/// and the Delta versions it wrote. The ledger lives in the lake beside the run's data, so it
/// works the same on a laptop and on S3.
/// </summary>
/// <remarks>
/// Status moves <c>running → succeeded | failed</c>, then <c>succeeded → validated | rejected</c>
/// (validating again may flip between the two), <c>validated → promoted</c>, and a promoted run
/// becomes <c>superseded</c> when another promotion replaces it or <c>rolled_back</c> when a
/// rollback undoes it; a rollback to a run makes it <c>promoted</c> again. See docs/orchestration.md.
/// </remarks>
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
    public const string Validated = "validated";
    public const string Rejected = "rejected";
    public const string Promoted = "promoted";
    public const string Superseded = "superseded";
    public const string RolledBack = "rolled_back";

    /// <summary>
    /// An incremental run that found no raw object bronze had not ingested: it wrote nothing (no bronze
    /// commit, no silver run) and is neither validated nor promoted. Final.
    /// </summary>
    public const string NothingNew = "nothing_new";

    /// <summary>The EMR Serverless job run of each step (<c>bronze</c>, <c>silver</c>), when the run went through EMR.</summary>
    public IReadOnlyDictionary<string, string>? EmrJobRunIds { get; init; }

    /// <summary>The Step Functions execution ARN, when a state machine started the run.</summary>
    public string? ExecutionArn { get; init; }

    /// <summary>The name of the state machine that started the run, when one did.</summary>
    public string? StateMachine { get; init; }

    /// <summary>
    /// How the run chose its raw objects (<see cref="InputFiles"/>), decided once when it started: a
    /// retry of the key reads the same objects. Null in entries written before issue 13.
    /// </summary>
    public RunIngestion? Ingestion { get; init; }

    /// <summary>The Delta version of <c>current/</c> the run's promotion committed, once promoted.</summary>
    public long? PromotedVersion { get; init; }

    /// <summary>When the run started: its first status change.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateTimeOffset StartedAt => StatusHistory.Count > 0 ? StatusHistory[0].At : DateTimeOffset.MinValue;

    /// <summary>The entry of a run starting at <paramref name="at"/>: <c>running</c>, with the layers it plans and the input files known up front.</summary>
    public static RunLedgerEntry Starting(
        string runKey, string dataset, string table, IReadOnlyList<string> layers, string engine, string environment, string schemaVersion,
        IReadOnlyList<RunInputFile> inputFiles, DateTimeOffset at) =>
        new(runKey, dataset, table, layers, engine, environment, schemaVersion,
            Running, [new RunStatusChange(Running, at)], inputFiles, Bronze: null, Silver: null, Error: null);

    /// <summary>The entry moved to <paramref name="status"/> at <paramref name="at"/>.</summary>
    public RunLedgerEntry WithStatus(string status, DateTimeOffset at) =>
        this with { Status = status, StatusHistory = [.. StatusHistory, new RunStatusChange(status, at)] };
}

/// <summary>One status change, in UTC.</summary>
public sealed record RunStatusChange(string Status, DateTimeOffset At);

/// <summary>An input file and its size when the run read it.</summary>
public sealed record RunInputFile(string Path, long Size)
{
    /// <summary>The object's ETag, or its modification time on a local raw root (see <see cref="Jobs.Engine.Ingestion.RawObject"/>); null when not known.</summary>
    public string? Version { get; init; }
}
