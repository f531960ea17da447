using Medallion.Orchestration.Ledger;
using Medallion.Orchestration.Validation;

namespace Medallion.Orchestration.Outcomes;

/// <summary>Builds a step's <see cref="StepOutcome"/> from the tables' ledgers and validation reports, and writes it to the lake.</summary>
public static class StepOutcomeWriter
{
    /// <summary>The outcome of <paramref name="step"/> of <paramref name="runKey"/> as the lake tells it now.</summary>
    /// <exception cref="MedallionException">A ledger or report is unreadable.</exception>
    public static async Task<StepOutcome> BuildAsync(IReadOnlyList<LakeTable> tables, string runKey, string step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var results = new List<StepOutcomeTable>();
        foreach (var table in tables)
        {
            var entry = await new RunLedger(table.Store).ReadAsync(table.Layout, runKey, cancellationToken);
            var report = await RunValidator.ReadReportAsync(table, runKey, cancellationToken);
            results.Add(new StepOutcomeTable(
                table.Table.Name,
                entry?.Status ?? "missing",
                entry is null ? $"run {runKey} has no ledger: the step never reached this table" : entry.Error,
                entry?.Silver?.RowsRead, entry?.Silver?.RowsWritten, entry?.Silver?.Quarantined,
                entry?.Silver?.RuleFailures.Where(r => r.Value > 0).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal) ?? [],
                report?.FailedChecks ?? [],
                entry?.PromotedVersion));
        }

        var succeeded = results.All(r => r.Status is not (RunLedgerEntry.Failed or RunLedgerEntry.Rejected or "missing"));
        return new StepOutcome(tables.Count == 0 ? "" : tables[0].Dataset.Name, runKey, step, succeeded, results);
    }

    /// <summary>Builds and writes the outcome; never throws for the lake (the step's own result matters more), but says why it could not.</summary>
    /// <returns>Null when written, otherwise the reason it was not.</returns>
    public static async Task<string?> TryWriteAsync(IReadOnlyList<LakeTable> tables, string runKey, string step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tables);
        if (tables.Count == 0)
        {
            return null;
        }

        try
        {
            var outcome = await BuildAsync(tables, runKey, step, cancellationToken);
            var store = tables[0].Store;
            await store.WriteAsync(StepOutcome.PathOf(outcome.Dataset, runKey, step), LakeJson.Serialize(outcome), cancellationToken);
            return null;
        }
        catch (Exception error) when (error is MedallionException or IOException or UnauthorizedAccessException)
        {
            return $"the step's outcome file was not written: {error.Message}";
        }
    }
}
