using Medallion.Jobs.Config;
using Medallion.Jobs.Plan;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>
/// The embedded engine: runs a table's bronze and silver layers in an in-process DuckDB, one
/// database per layer so that memory is released in between. Silver reads the bronze files back
/// even when the same run has just written them: keeping the raw records in DuckDB instead was
/// faster at 256 MB but slower at 1 GB, where they no longer fit in memory and spill, while the
/// compressed, columnar Parquet reads stay cheap (docs/BENCHMARKS.md). It reads and writes local
/// files only; <see cref="DuckDbTables"/> moves them to and from the lake's store.
/// </summary>
internal sealed class DuckDbEngine(DuckDbSpec settings, DuckDbTables tables)
{
    /// <param name="files">Local raw files, in name order.</param>
    /// <param name="rawRoot">The local folder they lie under; <c>_source_file</c> is written relative to it.</param>
    public async Task<LayerResult> RunBronzeAsync(
        TablePlan plan, RunContext run, IReadOnlyList<string> files, string rawRoot, CancellationToken cancellationToken = default)
    {
        using var session = new DuckDbSession(settings);
        return await new BronzeStep(session, tables).RunAsync(plan, run, files, Path.GetFullPath(rawRoot), cancellationToken);
    }

    public async Task<LayerResult> RunSilverAsync(TablePlan plan, RunContext run, CancellationToken cancellationToken = default)
    {
        using var session = new DuckDbSession(settings);
        return await new SilverStep(session, tables).RunAsync(plan, run, cancellationToken);
    }
}
