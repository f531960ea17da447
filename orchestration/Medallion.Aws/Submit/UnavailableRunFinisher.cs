namespace Medallion.Aws.Submit;

/// <summary>Stands in until the orchestrator's validate-and-promote is wired in: says so and fails the run.</summary>
internal sealed class UnavailableRunFinisher : IRunFinisher
{
    public Task<RunFinishResult> FinishAsync(RunFinishRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(new RunFinishResult(false, "validation and promotion: not available in this build"));
}
