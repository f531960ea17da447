using Medallion.Jobs.Config;

namespace Medallion.Aws.Submit;

/// <summary>
/// Validates a run's silver output and promotes it to <c>current/</c> — the orchestrator's step
/// after bronze and silver, exactly as <c>medallion run</c> does it.
/// </summary>
public interface IRunFinisher
{
    Task<RunFinishResult> FinishAsync(RunFinishRequest request, CancellationToken cancellationToken = default);
}

/// <summary>What to validate and promote.</summary>
/// <param name="Tables">The tables the run processed.</param>
/// <param name="Trace">The job runs that staged it, recorded in each ledger before the gate; null when unknown.</param>
public sealed record RunFinishRequest(EnvironmentSpec Environment, DatasetSpec Dataset, IReadOnlyList<TableSpec> Tables, string RunKey, Medallion.Orchestration.Tracing.RunTrace? Trace = null);

/// <summary>The outcome: <paramref name="Succeeded"/> false when validation failed or promotion could not happen.</summary>
/// <param name="Summary">One line per table, for the console.</param>
public sealed record RunFinishResult(bool Succeeded, string Summary);
