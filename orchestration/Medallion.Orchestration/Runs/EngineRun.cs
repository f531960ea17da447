using Medallion.Jobs.Config;

namespace Medallion.Orchestration.Runs;

/// <summary>One run, as each of its layers is handed to an <see cref="IRunEngine"/>.</summary>
/// <param name="Table">The table the run was asked for, or null for every table of the dataset.</param>
/// <param name="RunKey">A key already checked by <see cref="Jobs.Lake.RunKey"/>.</param>
/// <param name="Layers">The layers the run plans, as the ledger lists them (<c>bronze</c>, <c>silver</c>).</param>
/// <param name="StartedAt">When the run started (UTC): <c>_ingested_at</c> and the ingest date.</param>
/// <param name="ExecutionArn">The Step Functions execution that started the run, for the ledger.</param>
public sealed record EngineRun(
    DatasetSpec Dataset,
    string? Table,
    EnvironmentSpec Environment,
    string RunKey,
    IReadOnlyList<string> Layers,
    DateTimeOffset StartedAt,
    string? ExecutionArn = null)
{
    /// <summary>Exactly these raw objects (paths or globs below the raw root), or null; see <see cref="RunRequest.Files"/>.</summary>
    public IReadOnlyList<string>? Files { get; init; }

    /// <summary>Every matching object, ingested before or not; see <see cref="RunRequest.Reprocess"/>.</summary>
    public bool Reprocess { get; init; }
}
