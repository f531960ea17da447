using Medallion.Delta;
using Medallion.Jobs.Engine;
using Medallion.Jobs.Plan;
using Medallion.Orchestration.Ledger;
using Medallion.Orchestration.Promotion;
using Medallion.Orchestration.Runs;

namespace Medallion.Orchestration.Validation;

/// <summary>
/// The validation gate: checks a staged run before anyone may see it, writes every check to the
/// run's <c>_validation.json</c> and moves its ledger to <c>validated</c> or <c>rejected</c>.
/// </summary>
public sealed partial class RunValidator(TimeProvider clock, IRunReporter reporter)
{
    /// <exception cref="MedallionException">The run has no ledger (it never ran), or a file is unreadable.</exception>
    public async Task<ValidationReport> ValidateAsync(LakeTable table, string runKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        var layout = table.Layout;
        var ledger = new RunLedger(table.Store);
        var entry = await ledger.ReadAsync(layout, runKey, cancellationToken)
            ?? throw new MedallionException($"{table.Name}: run '{runKey}' has no ledger at {table.Store.Describe(layout.RunLedger(runKey))}; run it first.");
        var staged = await new DeltaTable(table.Store, layout.SilverRun(runKey)).TryLoadSnapshotAsync(cancellationToken: cancellationToken);
        var latest = await new LatestPointerStore(reporter).ReadAsync(table, cancellationToken);

        var checks = new List<ValidationCheck>
        {
            await SuccessMarkerAsync(table, runKey, cancellationToken),
            CountsReconcile(entry.Silver, staged),
            SchemaVersion(table, staged),
            QuarantineRatio(table, entry.Silver),
            MinRows(table, entry.Silver),
            RowChange(table, entry.Silver, latest),
            await PartitionsPresentAsync(table, runKey, staged, cancellationToken),
        };
        var report = new ValidationReport(
            runKey, table.Dataset.Name, table.Table.Name, table.Table.SchemaVersion, clock.GetUtcNow(), checks.All(c => !c.Failed), checks);
        await table.Store.WriteAsync(layout.RunValidation(runKey), LakeJson.Serialize(report), cancellationToken);

        // A run past the gate (promoted, superseded, rolled back) keeps its status; validating it again only refreshes the report.
        if (entry.Status is RunLedgerEntry.Succeeded or RunLedgerEntry.Validated or RunLedgerEntry.Rejected)
        {
            await ledger.SetStatusAsync(
                layout, runKey, report.Passed ? RunLedgerEntry.Validated : RunLedgerEntry.Rejected, report.ValidatedAt, cancellationToken: cancellationToken);
        }

        return report;
    }

    /// <summary>The report a run's last validation wrote, or null when it was never validated.</summary>
    /// <exception cref="MedallionException">The file is not readable.</exception>
    public static async Task<ValidationReport?> ReadReportAsync(LakeTable table, string runKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        var path = table.Layout.RunValidation(runKey);
        var bytes = await table.Store.TryReadAsync(path, cancellationToken);
        try
        {
            return bytes is null ? null : System.Text.Json.JsonSerializer.Deserialize<ValidationReport>(bytes, LakeJson.Options);
        }
        catch (System.Text.Json.JsonException error)
        {
            throw new MedallionException($"{table.Store.Describe(path)} is not a readable validation report: {error.Message}; validate the run again.", error);
        }
    }

    private static Delta.Schema.DeltaSchema DeclaredSchema(LakeTable table) =>
        LakeSchemas.Silver(PlanCompiler.Compile(table.Dataset, table.Table));
}
