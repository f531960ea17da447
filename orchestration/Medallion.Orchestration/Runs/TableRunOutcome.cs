using Medallion.Jobs.Engine;
using Medallion.Orchestration.Ledger;

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

    /// <summary>How the run chose its raw objects, when the engine recorded it.</summary>
    public RunIngestion? Ingestion { get; init; }

    /// <summary>True when the table had nothing to read: nothing was written, and it is neither validated nor promoted.</summary>
    public bool NothingNew => Ingestion?.NothingNew == true;

    /// <summary>A table's outcome as its ledger tells it.</summary>
    public static TableRunOutcome From(RunLedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new TableRunOutcome(entry.Table, entry.RunKey, entry.Bronze, entry.Silver, entry.Error, [.. entry.InputFiles.Select(f => f.Path)])
        {
            Ingestion = entry.Ingestion,
        };
    }
}
