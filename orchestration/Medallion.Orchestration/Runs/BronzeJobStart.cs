using Medallion.Delta.Storage;
using Medallion.Jobs.Config;
using Medallion.Jobs.Engine;
using Medallion.Jobs.Engine.Spark;
using Medallion.Orchestration.Ledger;

namespace Medallion.Orchestration.Runs;

/// <summary>
/// The start of a table's bronze step when it runs as a job of its own (the Spark job host): the
/// table's glob is listed on the raw root and the objects to read are chosen by the rules the
/// embedded engine follows (<see cref="RawSelection"/>: <c>--object</c>/<c>--files</c>, a retry's recorded
/// set, <c>--reprocess</c> or <c>ingestion: full</c>, else what bronze holds no rows of or what changed).
/// The choice is in <c>_run.json</c> before any row is read, so a retry of the key reads the same objects;
/// a run with nothing to read ends <c>nothing_new</c> at once, as on the embedded engine.
/// </summary>
public sealed class BronzeJobStart(IObjectStore lake, IObjectStore raw, RunLifecycle lifecycle)
{
    /// <param name="run">The run: its key, and <see cref="EngineRun.Files"/> / <see cref="EngineRun.Reprocess"/> when given.</param>
    /// <param name="fresh">The entry the step starts with (<c>running</c>, the layers the run plans); the chosen objects and how they were chosen are added.</param>
    /// <exception cref="RunFailedException">A retry's recorded object is gone (nothing was written).</exception>
    /// <exception cref="MedallionException">The raw root cannot be listed, or the ledger or bronze cannot be read or written.</exception>
    public async Task<Started> StartAsync(EngineRun run, TableSpec table, RunLedgerEntry fresh, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(fresh);
        var layout = new Jobs.Lake.LakeLayout(run.Dataset.Name, table.Name, table.SchemaVersion);
        var matched = await RawInputs.ResolveAsync(raw, table, cancellationToken);
        var choice = await new RawSelection(lake, new RunLedger(lake)).ChooseAsync(run, table, layout, matched, cancellationToken);
        if (choice.Ingestion.NothingNew)
        {
            return new Started(await lifecycle.EndNothingNewAsync(fresh, choice.Ingestion, cancellationToken), []);
        }

        var entry = fresh with { InputFiles = [.. choice.Files.Select(RawSelection.InputFile)], Ingestion = choice.Ingestion };
        return new Started(await lifecycle.StartAsync(entry, resume: false, cancellationToken), choice.Files);
    }

    /// <summary>The entry as written, and the objects bronze reads (none when <see cref="NothingNew"/>).</summary>
    public sealed record Started(RunLedgerEntry Entry, IReadOnlyList<ObjectInfo> Files)
    {
        /// <summary>Nothing to read: the entry is final (<c>nothing_new</c>), and no layer runs.</summary>
        public bool NothingNew => Entry.Status == RunLedgerEntry.NothingNew;
    }
}
