using Medallion.Jobs.Config;
using Medallion.Jobs.Plan;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>
/// The embedded engine for one table: runs its bronze and silver layers in an in-process DuckDB,
/// one database per table so that memory is released between tables. When one run does both
/// layers, silver reads the bronze rows still in the database instead of reading back the Parquet
/// files bronze has just committed (on an S3 lake, instead of downloading them again). It reads and
/// writes local files only; <see cref="DuckDbTables"/> moves them to and from the lake's store.
/// </summary>
internal sealed class DuckDbEngine(DuckDbSpec settings, DuckDbTables tables) : IDisposable
{
    private DuckDbSession? _session;
    private string? _bronzeRunKey;

    /// <param name="files">Local raw files, in name order.</param>
    /// <param name="rawRoot">The local folder they lie under; <c>_source_file</c> is written relative to it.</param>
    public async Task<LayerResult> RunBronzeAsync(
        TablePlan plan, RunContext run, IReadOnlyList<string> files, string rawRoot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        _bronzeRunKey = null;
        var result = await new BronzeStep(Session, tables).RunAsync(plan, run, files, Path.GetFullPath(rawRoot), cancellationToken);
        _bronzeRunKey = run.RunKey;
        return result;
    }

    public async Task<LayerResult> RunSilverAsync(TablePlan plan, RunContext run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var bronzeInSession = _bronzeRunKey == run.RunKey;
        return await new SilverStep(Session, tables).RunAsync(plan, run, bronzeInSession, cancellationToken);
    }

    public void Dispose() => _session?.Dispose();

    private DuckDbSession Session => _session ??= new DuckDbSession(settings);
}
