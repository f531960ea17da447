using Medallion.Orchestration.Ledger;
using Medallion.Orchestration.Validation;

namespace Medallion.Orchestration.History;

/// <summary>
/// One row of the run history: a table run as its <c>_run.json</c> and <c>_validation.json</c>
/// told it when it ended. Counts are the silver layer's (the bronze rows read are kept apart);
/// null where the run never got that far.
/// </summary>
/// <param name="FinishedAt">The run's last status change when the row was recorded.</param>
/// <param name="RowsRead">Rows silver read (the run's bronze rows), or null without silver.</param>
/// <param name="ValidationChecks">Each check's result (<c>passed</c>, <c>failed</c>, <c>skipped</c>), by check name; empty when not validated.</param>
public sealed record RunHistoryRow(
    string Dataset,
    string Table,
    string RunKey,
    string Engine,
    string Environment,
    string SchemaVersion,
    string Status,
    string? Error,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    DateTimeOffset RecordedAt,
    double? BronzeSeconds,
    double? SilverSeconds,
    long InputFiles,
    long? BronzeRowsRead,
    long? RowsRead,
    long? SilverRows,
    long? Quarantined,
    long? DuplicatesRemoved,
    long? Filtered,
    long? Malformed,
    IReadOnlyDictionary<string, long> RuleFailures,
    bool? ValidationPassed,
    IReadOnlyDictionary<string, string> ValidationChecks,
    long? PromotedVersion,
    string? ExecutionArn,
    string? StateMachine,
    IReadOnlyDictionary<string, string> EmrJobRunIds)
{
    /// <summary>Quarantined rows over rows read; null when nothing was read.</summary>
    public double? QuarantineShare => RowsRead is > 0 && Quarantined is { } quarantined ? (double)quarantined / RowsRead.Value : null;

    /// <summary>The row of a run whose ledger says <paramref name="entry"/>, validated by <paramref name="report"/> (null when it was not).</summary>
    public static RunHistoryRow From(RunLedgerEntry entry, ValidationReport? report, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var silver = entry.Silver;
        return new RunHistoryRow(
            entry.Dataset, entry.Table, entry.RunKey, entry.Engine, entry.Environment, entry.SchemaVersion,
            entry.Status, entry.Error,
            entry.StartedAt, entry.StatusHistory.Count > 0 ? entry.StatusHistory[^1].At : entry.StartedAt, recordedAt,
            entry.Bronze?.Elapsed.TotalSeconds, silver?.Elapsed.TotalSeconds,
            entry.InputFiles.Count, entry.Bronze?.RowsRead,
            silver?.RowsRead, silver?.RowsWritten, silver?.Quarantined, silver?.DuplicatesRemoved, silver?.Filtered, silver?.Malformed,
            silver?.RuleFailures ?? new Dictionary<string, long>(),
            report?.Passed,
            report?.Checks.ToDictionary(c => c.Name, c => c.Result, StringComparer.Ordinal) ?? new Dictionary<string, string>(),
            entry.PromotedVersion, entry.ExecutionArn, entry.StateMachine,
            entry.EmrJobRunIds ?? new Dictionary<string, string>());
    }
}
