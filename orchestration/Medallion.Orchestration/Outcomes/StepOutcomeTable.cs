using Medallion.Orchestration.Validation;

namespace Medallion.Orchestration.Outcomes;

/// <summary>One table in a <see cref="StepOutcome"/>: its ledger's status and counts, and the checks its validation failed.</summary>
/// <param name="Status">The ledger's status after the step (<c>running</c> between bronze and silver, <c>failed</c>, <c>rejected</c>, <c>promoted</c>…), or <c>missing</c> when the table has no ledger.</param>
/// <param name="FailedChecks">Every failed check with threshold, measured value and detail; empty unless validation failed.</param>
public sealed record StepOutcomeTable(
    string Table,
    string Status,
    string? Error,
    long? RowsRead,
    long? SilverRows,
    long? Quarantined,
    IReadOnlyDictionary<string, long> RuleFailures,
    IReadOnlyList<ValidationCheck> FailedChecks,
    long? PromotedVersion);
