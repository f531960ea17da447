using Medallion.Jobs.Engine;

namespace Medallion.Orchestration.Runs;

/// <summary>How one table's run ended.</summary>
/// <param name="Error">Why the table failed, or null when it succeeded.</param>
public sealed record TableRunOutcome(
    string Table,
    string RunKey,
    LayerResult? Bronze,
    LayerResult? Silver,
    string? Error,
    IReadOnlyList<string> InputFiles)
{
    public bool Succeeded => Error is null;
}
