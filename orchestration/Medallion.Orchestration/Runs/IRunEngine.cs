using Medallion.Jobs.Config;

namespace Medallion.Orchestration.Runs;

/// <summary>
/// An engine as the orchestrator sees it: it runs one layer of a run for some tables of a dataset,
/// and describes the statements it executes. The environment's <c>engine:</c> chooses the
/// implementation through <see cref="RunEngineCatalog"/>: the embedded DuckDB engine in this process,
/// or Spark jobs on EMR Serverless, which a host registers (Medallion.Aws; the orchestrator does not
/// reference it).
/// </summary>
/// <remarks>
/// Each table's <c>_run.json</c> is written through <see cref="Ledger.RunLifecycle"/> by the process that
/// runs the layer, and only there: by the embedded engine in this process, by the job host on EMR.
/// An engine hands back each table's outcome as that ledger tells it. Disposing ends the engine's part
/// in the run (the embedded engine deletes its staging folder).
/// </remarks>
public interface IRunEngine : IDisposable
{
    /// <summary>The engine's name as the ledger and <c>medallion plan</c> write it: <c>duckdb</c> or <c>spark</c>.</summary>
    string Name { get; }

    /// <summary>
    /// What the engine checks before the run takes its keys, when nothing has been written yet: the
    /// embedded engine lists the raw root here (once for the whole run) and refuses a run no raw file
    /// matches when <see cref="EngineRun.RequireInput"/> says so.
    /// </summary>
    /// <exception cref="MedallionException">The run cannot start (no input, a root that cannot be listed).</exception>
    Task PrepareAsync(EngineRun run, IReadOnlyList<TableSpec> tables, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>Runs bronze for <paramref name="tables"/>; a failing table does not stop the others.</summary>
    /// <returns>One outcome per table, in the order given.</returns>
    /// <exception cref="MedallionException">The engine cannot be reached at all (a root, a service); a table's own failure is in its outcome.</exception>
    Task<IReadOnlyList<TableRunOutcome>> RunBronzeAsync(EngineRun run, IReadOnlyList<TableSpec> tables, CancellationToken cancellationToken = default);

    /// <summary>Runs silver for <paramref name="tables"/>, continuing the run their bronze layer started when it ran in the same run.</summary>
    /// <returns>One outcome per table, in the order given.</returns>
    /// <exception cref="MedallionException">The engine cannot be reached at all; a table's own failure is in its outcome.</exception>
    Task<IReadOnlyList<TableRunOutcome>> RunSilverAsync(EngineRun run, IReadOnlyList<TableSpec> tables, CancellationToken cancellationToken = default);

    /// <summary>
    /// The statements the engine executes for a table, layer by layer, built by the code that
    /// executes them; the values of a particular run (key, start) are placeholders.
    /// </summary>
    EngineScript DescribePlan(DatasetSpec dataset, TableSpec table);
}
