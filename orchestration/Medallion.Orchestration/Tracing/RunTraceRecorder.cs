using Medallion.Orchestration.Ledger;

namespace Medallion.Orchestration.Tracing;

/// <summary>Writes a <see cref="RunTrace"/> into the ledger of each table of a run, before the gate reads them.</summary>
public static class RunTraceRecorder
{
    /// <summary>Records <paramref name="trace"/> in every table's <c>_run.json</c> of <paramref name="runKey"/>; a table without a ledger is left to the gate, which names it.</summary>
    /// <exception cref="MedallionException">A ledger is unreadable or cannot be written.</exception>
    public static async Task RecordAsync(IEnumerable<LakeTable> tables, string runKey, RunTrace trace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(trace);
        if (trace.IsEmpty)
        {
            return;
        }

        foreach (var table in tables)
        {
            var ledger = new RunLedger(table.Store);
            if (await ledger.ReadAsync(table.Layout, runKey, cancellationToken) is { } entry)
            {
                await ledger.WriteAsync(table.Layout, trace.ApplyTo(entry), cancellationToken);
            }
        }
    }
}
