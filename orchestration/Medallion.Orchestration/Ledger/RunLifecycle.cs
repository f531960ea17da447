using Medallion.Jobs.Engine;
using Medallion.Jobs.Lake;
using Medallion.Orchestration.History;

namespace Medallion.Orchestration.Ledger;

/// <summary>
/// One table's run as its <c>_run.json</c> tells it, the same for the embedded engine (both layers
/// in one process) and the Spark job host (each layer its own EMR job): started or resumed, each
/// layer's result recorded as it completes, <c>succeeded</c> once every layer the run plans has
/// completed (then <c>_SUCCESS</c>, last, when silver is among them), <c>failed</c> with the reason
/// whatever the layer died of.
/// </summary>
public sealed class RunLifecycle(RunLedger ledger, LakeLayout layout, TimeProvider clock)
{
    /// <summary>
    /// Writes the entry of a run starting now. With <paramref name="resume"/>, an entry an earlier
    /// step of the same run key left (Spark's bronze job, before its silver job) is continued
    /// instead: it keeps its layers' results and is <c>running</c> again.
    /// </summary>
    /// <param name="fresh">The entry to start with when there is none to resume: <c>running</c>, with the layers the run plans.</param>
    public async Task<RunLedgerEntry> StartAsync(RunLedgerEntry fresh, bool resume, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fresh);
        var earlier = resume ? await ledger.ReadAsync(layout, fresh.RunKey, cancellationToken) : null;
        var entry = earlier is null
            ? fresh
            : (earlier.Status == RunLedgerEntry.Running ? earlier : earlier.WithStatus(RunLedgerEntry.Running, clock.GetUtcNow())) with { Error = null };
        await ledger.ClearSucceededAsync(layout, entry.RunKey, cancellationToken);
        await ledger.WriteAsync(layout, entry, cancellationToken);
        return entry;
    }

    /// <summary>
    /// Ends a run that found nothing to read (<see cref="RunIngestion.NothingNew"/>) before any layer ran:
    /// the entry is final at once (<c>nothing_new</c>, with how the objects were chosen), with no
    /// <c>_SUCCESS</c>, so nothing after it (silver, validation, promotion) runs.
    /// </summary>
    /// <param name="fresh">The entry the run would have started with.</param>
    public async Task<RunLedgerEntry> EndNothingNewAsync(RunLedgerEntry fresh, RunIngestion ingestion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fresh);
        ArgumentNullException.ThrowIfNull(ingestion);
        var entry = fresh.WithStatus(RunLedgerEntry.NothingNew, clock.GetUtcNow()) with { Ingestion = ingestion, InputFiles = [] };
        await ledger.ClearSucceededAsync(layout, entry.RunKey, cancellationToken);
        await ledger.WriteAsync(layout, entry, cancellationToken);
        return entry;
    }

    /// <summary>
    /// Runs <paramref name="layers"/> (each runs one layer and hands back its outcome) in order, recording each result as it completes. Any exception
    /// ends the entry <c>failed</c> with its reason (a cancelled run too, which is then rethrown).
    /// </summary>
    /// <returns>The entry as written last: <c>succeeded</c>, <c>running</c> (a later step has layers to go) or <c>failed</c>.</returns>
    public async Task<RunLedgerEntry> RunAsync(RunLedgerEntry started, IEnumerable<Func<CancellationToken, Task<LayerOutcome>>> layers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(started);
        ArgumentNullException.ThrowIfNull(layers);
        var entry = started;
        try
        {
            foreach (var layer in layers)
            {
                entry = Record(entry, await layer(cancellationToken));
                if (!IsComplete(entry))
                {
                    await ledger.WriteAsync(layout, entry, cancellationToken);
                }
            }

            return IsComplete(entry) ? await SucceedAsync(entry, cancellationToken) : entry;
        }
        catch (OperationCanceledException)
        {
            await FailAsync(entry, "cancelled before it finished");
            throw;
        }
        catch (Exception error)
        {
            return await FailAsync(entry, error is MedallionException ? error.Message : $"{error.GetType().Name}: {error.Message}");
        }
    }

    private static RunLedgerEntry Record(RunLedgerEntry entry, LayerOutcome outcome) => outcome.Result.Layer switch
    {
        LayerNames.Bronze => entry with { Bronze = outcome.Result, InputFiles = outcome.InputFiles ?? entry.InputFiles },
        LayerNames.Silver => entry with { Silver = outcome.Result },
        var other => throw new ArgumentException($"'{other}' is not a layer a run records.", nameof(outcome)),
    };

    /// <summary>Every layer the run plans has its result.</summary>
    private static bool IsComplete(RunLedgerEntry entry) =>
        entry.Layers.All(layer => layer == LayerNames.Bronze ? entry.Bronze is not null : entry.Silver is not null);

    private async Task<RunLedgerEntry> SucceedAsync(RunLedgerEntry entry, CancellationToken cancellationToken)
    {
        entry = entry.WithStatus(RunLedgerEntry.Succeeded, clock.GetUtcNow());
        await ledger.WriteAsync(layout, entry, cancellationToken);
        if (entry.Silver is not null)
        {
            CrashPoints.Reach(CrashPoints.RunBeforeSuccess);
            await ledger.MarkSucceededAsync(layout, entry.RunKey, cancellationToken);
        }

        return entry;
    }

    private async Task<RunLedgerEntry> FailAsync(RunLedgerEntry entry, string reason)
    {
        // Written even when the caller cancelled: the ledger must not say running for a run that stopped.
        var failed = entry.WithStatus(RunLedgerEntry.Failed, clock.GetUtcNow()) with { Error = reason };
        if (await RunHistoryRecorder.RecordEntryAsync(ledger.Store, failed, report: null, clock, CancellationToken.None) is { } problem)
        {
            failed = failed with { Error = $"{reason} (and {problem})" };
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ledger.WriteAsync(layout, failed, CancellationToken.None);
                return failed;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // What killed the layer (a full disk, a lost store) may stop the ledger too. Once more (the
                // failed step has just let go of its temp files), then say plainly what the ledger still says:
                // with no attempt holding the key, readers report that `running` as abandoned.
                if (attempt < 2)
                {
                    continue;
                }

                throw new MedallionException(
                    $"{entry.Dataset}.{entry.Table}: run {entry.RunKey} failed ({reason}); its ledger could not record that " +
                    $"({error.GetType().Name}: {error.Message}) and still says {entry.Status}; once this attempt has ended, " +
                    "`medallion runs` shows it as abandoned. Run the key again when the cause is fixed.",
                    error);
            }
        }
    }
}
