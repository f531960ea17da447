using Medallion.Orchestration.Gate;
using Medallion.Orchestration.Runs;

namespace Medallion.Aws.Submit;

/// <summary>
/// Validates and promotes a run the EMR Serverless jobs staged, through the orchestrator's
/// <see cref="RunGate"/> — the same gate <c>medallion run</c> and the job host's <c>promote</c>
/// step pass through — reading the run from the lake the environment names.
/// </summary>
public sealed class OrchestratorRunFinisher(TimeProvider clock) : IRunFinisher
{
    /// <exception cref="MedallionException">The lake cannot be opened, or a table's run has no ledger (the jobs never wrote it).</exception>
    public async Task<RunFinishResult> FinishAsync(RunFinishRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var selection = new PipelineSelection(request.Dataset, request.Tables, request.Environment);
        await using var summary = new StringWriter();
        var passed = await RunGate.ValidateAndPromoteAsync(selection, request.RunKey, summary, clock, request.Trace, cancellationToken);
        return new RunFinishResult(passed, summary.ToString().TrimEnd());
    }
}
