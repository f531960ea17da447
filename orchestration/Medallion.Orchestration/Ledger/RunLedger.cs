using System.Text.Json;
using Medallion.Delta.Storage;
using Medallion.Jobs.Lake;

namespace Medallion.Orchestration.Ledger;

/// <summary>Reads and writes <c>_run.json</c> and <c>_SUCCESS</c> of staged runs.</summary>
/// <remarks>
/// Beside <c>runs/</c>, <c>_run_index/</c> holds one empty marker per run key (<c>run_key={k}</c>),
/// written before the run's first ledger: listing the runs lists the markers, not every staged
/// file under <c>runs/</c> (tens per run). A lake written before the index existed is listed the
/// old way once, which writes the missing markers and then <c>_run_index/_complete</c>.
/// </remarks>
public sealed class RunLedger(IObjectStore store)
{
    private const string LedgerFileName = "_run.json";
    private const string KeyPrefix = "run_key=";
    private const string IndexComplete = "_complete";
    private const int ReadParallelism = 16;

    /// <summary>The lake the ledgers live in (the run history beside them goes through it too).</summary>
    public IObjectStore Store => store;

    public async Task WriteAsync(LakeLayout layout, RunLedgerEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Status == RunLedgerEntry.Running)
        {
            // Each attempt starts running; the marker goes first, so a listing never misses a ledger.
            await store.WriteAsync(IndexMarker(layout, entry.RunKey), ReadOnlyMemory<byte>.Empty, cancellationToken);
        }

        await store.WriteAsync(layout.RunLedger(entry.RunKey), LakeJson.Serialize(entry), cancellationToken);
    }

    /// <summary>The folder of run markers, beside <c>runs/</c>.</summary>
    public static string IndexFolder(LakeLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return layout.SilverRuns[..layout.SilverRuns.LastIndexOf('/')] + "/_run_index";
    }

    private static string IndexMarker(LakeLayout layout, string runKey) => $"{IndexFolder(layout)}/{KeyPrefix}{RunKey.Validate(runKey)}";

    /// <summary>
    /// Removes a run's ledger and then its index marker (<c>runs prune</c>): the marker goes last, so a prune
    /// stopped in between leaves a marker without a ledger (listed as nothing), never a ledger no listing finds.
    /// </summary>
    internal async Task DeleteAsync(LakeLayout layout, string runKey, CancellationToken cancellationToken = default)
    {
        await store.DeleteAsync(layout.RunLedger(runKey), cancellationToken);
        await store.DeleteAsync(IndexMarker(layout, runKey), cancellationToken);
    }

    /// <summary>The entry of a run, or null when the run has none.</summary>
    /// <exception cref="MedallionException">The file is not a readable ledger.</exception>
    public async Task<RunLedgerEntry?> ReadAsync(LakeLayout layout, string runKey, CancellationToken cancellationToken = default)
    {
        var bytes = await store.TryReadAsync(layout.RunLedger(runKey), cancellationToken);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<RunLedgerEntry>(bytes, LakeJson.Options);
        }
        catch (JsonException error)
        {
            throw new MedallionException($"{store.Describe(layout.RunLedger(runKey))} is not a readable run ledger: {error.Message}", error);
        }
    }

    /// <summary>Every run of the table that has a ledger, newest first (by start time, then key).</summary>
    /// <exception cref="MedallionException">A ledger is not readable.</exception>
    public async Task<IReadOnlyList<RunLedgerEntry>> ListAsync(LakeLayout layout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var keys = await IndexedKeysAsync(layout, cancellationToken) ?? await BackfillIndexAsync(layout, cancellationToken);
        var entries = new System.Collections.Concurrent.ConcurrentBag<RunLedgerEntry>();
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken }, async (key, token) =>
        {
            // A marker whose ledger is gone (its run was pruned) lists nothing.
            if (await ReadAsync(layout, key, token) is { } entry)
            {
                entries.Add(entry);
            }
        });

        return [.. entries.OrderByDescending(e => e.StartedAt).ThenByDescending(e => e.RunKey, StringComparer.Ordinal)];
    }

    /// <summary>The run keys the index names, or null when the index is not complete yet (a lake from before it).</summary>
    private async Task<List<string>?> IndexedKeysAsync(LakeLayout layout, CancellationToken cancellationToken)
    {
        var folder = IndexFolder(layout) + "/";
        var keys = new List<string>();
        var complete = false;
        foreach (var item in await store.ListAsync(folder, cancellationToken))
        {
            var name = item.Path[folder.Length..];
            complete |= name == IndexComplete;
            if (name.StartsWith(KeyPrefix, StringComparison.Ordinal) && RunKey.IsValid(name[KeyPrefix.Length..]))
            {
                keys.Add(name[KeyPrefix.Length..]);
            }
        }

        return complete ? keys : null;
    }

    /// <summary>Lists <c>runs/</c> the old way, once: writes a marker for every ledger found, then the index's completion mark.</summary>
    private async Task<List<string>> BackfillIndexAsync(LakeLayout layout, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        foreach (var item in await store.ListAsync(layout.SilverRuns + "/", cancellationToken))
        {
            // runs/run_key=K/_run.json only; Delta tables below a run have no such file name.
            var relative = item.Path[(layout.SilverRuns.Length + 1)..].Split('/');
            if (relative is [var folder, LedgerFileName] && folder.StartsWith(KeyPrefix, StringComparison.Ordinal) && RunKey.IsValid(folder[KeyPrefix.Length..]))
            {
                keys.Add(folder[KeyPrefix.Length..]);
            }
        }

        try
        {
            foreach (var key in keys)
            {
                await store.WriteAsync(IndexMarker(layout, key), ReadOnlyMemory<byte>.Empty, cancellationToken);
            }

            await store.WriteAsync($"{IndexFolder(layout)}/{IndexComplete}", ReadOnlyMemory<byte>.Empty, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A reader without write access still gets the list; the next writer's listing backfills.
        }

        return keys;
    }

    /// <summary>Moves a run to <paramref name="status"/>; does nothing when the run has no ledger.</summary>
    /// <returns>The updated entry, or null when there is none.</returns>
    public async Task<RunLedgerEntry?> SetStatusAsync(
        LakeLayout layout, string runKey, string status, DateTimeOffset at,
        Func<RunLedgerEntry, RunLedgerEntry>? change = null, CancellationToken cancellationToken = default)
    {
        if (await ReadAsync(layout, runKey, cancellationToken) is not { } entry)
        {
            return null;
        }

        var updated = entry.Status == status ? entry : entry.WithStatus(status, at);
        updated = change?.Invoke(updated) ?? updated;
        await WriteAsync(layout, updated, cancellationToken);
        return updated;
    }

    /// <summary>
    /// Whether <paramref name="entry"/> says <c>running</c> although no attempt holds its run key at
    /// <paramref name="now"/>: the attempt died before it could record how it ended (killed, or a full disk
    /// kept it from writing its ledger), so the ledger will never move on by itself. Run the key again.
    /// </summary>
    public async Task<bool> IsAbandonedAsync(LakeLayout layout, RunLedgerEntry entry, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Status != RunLedgerEntry.Running)
        {
            return false;
        }

        var lease = await Leases.RunKeyLease.ReadAsync(store, layout, entry.RunKey, cancellationToken);
        return lease?.IsHeldAt(now) != true;
    }

    /// <summary>Marks the run complete. Written last, so its presence means every output is in place.</summary>
    public Task MarkSucceededAsync(LakeLayout layout, string runKey, CancellationToken cancellationToken = default) =>
        store.WriteAsync(layout.RunSuccess(runKey), ReadOnlyMemory<byte>.Empty, cancellationToken);

    /// <summary>Removes a previous attempt's <c>_SUCCESS</c> before a key runs again.</summary>
    public async Task ClearSucceededAsync(LakeLayout layout, string runKey, CancellationToken cancellationToken = default)
    {
        if (await store.ExistsAsync(layout.RunSuccess(runKey), cancellationToken))
        {
            await store.DeleteAsync(layout.RunSuccess(runKey), cancellationToken);
        }
    }

    public Task<bool> IsSucceededAsync(LakeLayout layout, string runKey, CancellationToken cancellationToken = default) =>
        store.ExistsAsync(layout.RunSuccess(runKey), cancellationToken);
}
