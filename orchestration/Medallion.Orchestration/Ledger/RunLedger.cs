using System.Text.Json;
using Medallion.Delta.Storage;
using Medallion.Jobs.Lake;

namespace Medallion.Orchestration.Ledger;

/// <summary>Reads and writes <c>_run.json</c> and <c>_SUCCESS</c> of staged runs.</summary>
public sealed class RunLedger(IObjectStore store)
{
    private const string LedgerFileName = "_run.json";

    /// <summary>The lake the ledgers live in (the run history beside them goes through it too).</summary>
    public IObjectStore Store => store;

    public Task WriteAsync(LakeLayout layout, RunLedgerEntry entry, CancellationToken cancellationToken = default) =>
        store.WriteAsync(layout.RunLedger(entry.RunKey), LakeJson.Serialize(entry), cancellationToken);

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
        const string KeyPrefix = "run_key=";
        var entries = new List<RunLedgerEntry>();
        foreach (var item in await store.ListAsync(layout.SilverRuns + "/", cancellationToken))
        {
            // runs/run_key=K/_run.json only; Delta tables below a run have no such file name.
            var relative = item.Path[(layout.SilverRuns.Length + 1)..].Split('/');
            if (relative is [var folder, LedgerFileName] && folder.StartsWith(KeyPrefix, StringComparison.Ordinal)
                && RunKey.IsValid(folder[KeyPrefix.Length..])
                && await ReadAsync(layout, folder[KeyPrefix.Length..], cancellationToken) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return [.. entries.OrderByDescending(e => e.StartedAt).ThenByDescending(e => e.RunKey, StringComparer.Ordinal)];
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
