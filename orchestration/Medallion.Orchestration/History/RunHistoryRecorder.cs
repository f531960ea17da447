using Medallion.Delta.Storage;
using Medallion.Orchestration.Ledger;
using Medallion.Orchestration.Validation;

namespace Medallion.Orchestration.History;

/// <summary>
/// Where a table run ends, it leaves its row in the run history: the gate after its verdict (and
/// promotion), the run lifecycle when a layer failed. A history that cannot be written never
/// changes how the run ended; the caller hears why instead.
/// </summary>
public static class RunHistoryRecorder
{
    /// <summary>Appends the row of the run <paramref name="runKey"/> of <paramref name="table"/> as its ledger says now.</summary>
    /// <returns>Null when recorded (or there is no ledger to record), otherwise why it was not.</returns>
    public static async Task<string?> RecordAsync(LakeTable table, string runKey, ValidationReport? report, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(clock);
        try
        {
            var entry = await new RunLedger(table.Store).ReadAsync(table.Layout, runKey, cancellationToken);
            return entry is null ? null : await RecordEntryAsync(table.Store, entry, report, clock, cancellationToken);
        }
        catch (MedallionException error)
        {
            return Problem(table.Store, error);
        }
    }

    /// <summary>Appends the row of <paramref name="entry"/>, validated by <paramref name="report"/> when it was.</summary>
    /// <returns>Null when recorded, otherwise why it was not.</returns>
    public static async Task<string?> RecordEntryAsync(IObjectStore lake, RunLedgerEntry entry, ValidationReport? report, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lake);
        ArgumentNullException.ThrowIfNull(clock);
        try
        {
            await new RunHistoryWriter(lake, clock).AppendAsync(RunHistoryRow.From(entry, report, clock.GetUtcNow()), cancellationToken);
            return null;
        }
        catch (Exception error) when (error is MedallionException or IOException or UnauthorizedAccessException or DuckDB.NET.Data.DuckDBException)
        {
            return Problem(lake, error);
        }
    }

    private static string Problem(IObjectStore lake, Exception error) =>
        $"its row in the run history ({lake.Describe(RunHistoryTable.Path)}) was not written: {error.Message}";
}
