using Medallion.Delta;
using Medallion.Delta.Storage;
using Medallion.Jobs.Config;
using Medallion.Jobs.Engine;
using Medallion.Jobs.Engine.Ingestion;
using Medallion.Jobs.Engine.Spark;
using Medallion.Jobs.Lake;
using Medallion.Orchestration.Ledger;

namespace Medallion.Orchestration.Runs;

/// <summary>
/// Which raw objects a table's bronze reads in a run, decided once when the run starts and recorded
/// in its <c>_run.json</c> (<see cref="RunLedgerEntry.Ingestion"/>, <see cref="RunLedgerEntry.InputFiles"/>):
/// the objects <c>--files</c> names; else, for a retry of the key, what its first attempt chose; else every
/// matching object (<c>--reprocess</c>, <c>ingestion: full</c>); else (<c>ingestion: incremental</c>) the
/// objects bronze holds no rows of, or whose size or version changed since (<see cref="IngestedObjects"/>,
/// read from the bronze snapshot, so the cost follows its live files, not its history).
/// </summary>
internal sealed class RawSelection(IObjectStore lake, RunLedger ledger)
{
    /// <param name="matched">Every object the table's glob matches, in name order.</param>
    /// <exception cref="RunFailedException">A retry's recorded object is gone.</exception>
    public async Task<Choice> ChooseAsync(EngineRun run, TableSpec table, LakeLayout layout, IReadOnlyList<ObjectInfo> matched, CancellationToken cancellationToken = default)
    {
        if (run.Files is { } named)
        {
            var chosen = RawInputs.Select(matched, named);
            return new Choice(chosen, new RunIngestion(RunIngestion.Files, NothingNew: chosen.Count == 0));
        }

        if (await ledger.ReadAsync(layout, run.RunKey, cancellationToken) is { Ingestion: { } recorded } earlier)
        {
            // The same objects as the first attempt, even if more have landed since: they are the next run's.
            var listed = matched.ToDictionary(o => o.Path, StringComparer.Ordinal);
            if (earlier.InputFiles.FirstOrDefault(f => !listed.ContainsKey(f.Path)) is { } gone)
            {
                throw new RunFailedException(
                    $"Run key '{run.RunKey}' of {run.Dataset.Name}.{table.Name} read {earlier.InputFiles.Count} raw file(s) when it first ran, " +
                    $"and {gone.Path} no longer matches '{table.Source.Path}'. Run under a new key to read what is there now.");
            }

            return new Choice([.. earlier.InputFiles.Select(f => listed[f.Path])], recorded);
        }

        if (run.Reprocess)
        {
            return new Choice(matched, new RunIngestion(RunIngestion.Reprocess));
        }

        if (table.Ingestion == IngestionMode.Full)
        {
            return new Choice(matched, new RunIngestion(RunIngestion.Full));
        }

        var bronze = await new DeltaTable(lake, layout.Bronze).TryLoadSnapshotAsync(cancellationToken: cancellationToken);
        var ingested = IngestedObjects.Of(bronze);
        var fresh = matched.Where(o => !ingested.Holds(RawObject.Of(o))).ToList();
        // A table that never ingested anything runs as before, even without input (empty tables, with a warning).
        return new Choice(fresh, new RunIngestion(RunIngestion.Incremental, NothingNew: fresh.Count == 0 && ingested.Count > 0, ingested.LastRunKey))
        {
            Bronze = bronze,
            Changed = [.. fresh.Where(o => ingested.Knows(o.Path)).Select(o => o.Path)],
        };
    }

    /// <summary>An object chosen, as <c>_run.json</c> lists it: path, size and version (ETag, or a local file's modification time).</summary>
    internal static RunInputFile InputFile(ObjectInfo listed)
    {
        ArgumentNullException.ThrowIfNull(listed);
        return new RunInputFile(listed.Path, listed.Size) { Version = RawObject.Of(listed).Version };
    }

    /// <summary>The objects chosen, and how.</summary>
    internal sealed record Choice(IReadOnlyList<ObjectInfo> Files, RunIngestion Ingestion)
    {
        /// <summary>The chosen objects bronze holds rows of an earlier version of: read again, their earlier rows replaced (incremental ingestion only).</summary>
        public IReadOnlyList<string> Changed { get; init; } = [];

        /// <summary>The bronze snapshot the choice was made from, when it read one: bronze's commit starts from it instead of loading it again (issue 17).</summary>
        public DeltaSnapshot? Bronze { get; init; }
    }
}
