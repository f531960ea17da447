using System.Globalization;
using System.Text.Json;
using Medallion.Delta.Storage;
using Medallion.Jobs.Lake;

namespace Medallion.Orchestration.Leases;

/// <summary>
/// One attempt's hold on a (dataset, table, run key): the proof that no other attempt writes the
/// key's rows, ledger or staged run meanwhile. The lease is a chain of small JSON files in the lake,
/// <c>silver/{dataset}/{table}/_leases/run_key={k}/{generation}.json</c>; the newest generation says
/// who holds the key and until when. Every change (take, renew, release) writes the next generation
/// with put-if-absent, the same conditional create Delta commits use, so two attempts can never both
/// write one generation: it works on a local folder and on S3 alike, with no lock service.
/// </summary>
/// <remarks>
/// A holder renews well before its lease expires; a holder that was killed stops renewing, and once
/// the expiry passes the next attempt takes the key over. A holder that finds its next generation
/// taken has lost the key (it was paused longer than the expiry) and must stop writing.
/// Older generations are deleted as new ones are written; the newest always stays, so numbering
/// never restarts under a paused holder.
/// </remarks>
internal sealed class RunKeyLease
{
    private const int AcquireAttempts = 5;
    private readonly IObjectStore _store;
    private readonly string _folder;
    private readonly TimeSpan _expiry;
    private readonly TimeProvider _clock;
    private long _generation;

    private RunKeyLease(IObjectStore store, string folder, TimeSpan expiry, TimeProvider clock, long generation, RunKeyLeaseRecord record, RunKeyLeaseRecord? abandoned)
    {
        _store = store;
        _folder = folder;
        _expiry = expiry;
        _clock = clock;
        _generation = generation;
        Record = record;
        Abandoned = abandoned;
    }

    /// <summary>The generation this attempt wrote last.</summary>
    public RunKeyLeaseRecord Record { get; private set; }

    /// <summary>The lease of an earlier attempt that expired without being released (the attempt was killed), or null.</summary>
    public RunKeyLeaseRecord? Abandoned { get; }

    /// <summary>Where the lease of <paramref name="runKey"/> lives: beside <c>_LATEST.json</c>, outside every Delta table.</summary>
    public static string Folder(LakeLayout layout, string runKey)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return $"{layout.SilverRoot}/_leases/run_key={RunKey.Validate(runKey)}";
    }

    /// <summary>Takes the key for <paramref name="expiry"/> from now, when no other attempt holds it.</summary>
    /// <exception cref="RunKeyHeldException">Another attempt holds the key; nothing was written.</exception>
    public static async Task<RunKeyLease> AcquireAsync(
        IObjectStore store, LakeLayout layout, string runKey, TimeSpan expiry, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(expiry, TimeSpan.Zero);
        var folder = Folder(layout, runKey);
        var attempt = Guid.NewGuid().ToString("N");
        for (var round = 1; ; round++)
        {
            var (generation, current) = await ReadNewestAsync(store, folder, cancellationToken);
            var now = clock.GetUtcNow();
            if (current is not null && current.IsHeldAt(now))
            {
                throw Held(store, layout, folder, current);
            }

            if (generation >= 0 && current is null && round < AcquireAttempts)
            {
                continue; // the newest generation was replaced while we read it: look again
            }

            var mine = new RunKeyLeaseRecord(
                layout.Dataset, layout.Table, runKey, attempt, Environment.MachineName, Environment.ProcessId, now, now + expiry);
            if (await TryWriteAsync(store, folder, generation + 1, mine, cancellationToken))
            {
                var lease = new RunKeyLease(store, folder, expiry, clock, generation + 1, mine, current is { Released: false } ? current : null);
                await lease.DeleteOlderAsync(cancellationToken);
                return lease;
            }

            if (round >= AcquireAttempts)
            {
                throw new RunKeyHeldException(
                    $"{layout.Dataset}.{layout.Table}: other attempts of run key '{runKey}' kept taking its lease ({store.Describe(folder)}) first; this attempt wrote nothing. Run it again when they are done.");
            }
        }
    }

    /// <summary>The newest generation of the key's lease, or null when the key was never leased.</summary>
    public static async Task<RunKeyLeaseRecord?> ReadAsync(IObjectStore store, LakeLayout layout, string runKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return (await ReadNewestAsync(store, Folder(layout, runKey), cancellationToken)).Record;
    }

    /// <summary>Pushes the expiry to <c>now + expiry</c>.</summary>
    /// <returns>False when another attempt has taken the key meanwhile (this one was paused past its expiry): stop writing.</returns>
    public async Task<bool> RenewAsync(CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        return await AdvanceAsync(Record with { ExpiresAt = now + _expiry }, cancellationToken);
    }

    /// <summary>Gives the key back, so the next attempt need not wait for the expiry.</summary>
    /// <returns>False when another attempt had already taken the key.</returns>
    public Task<bool> ReleaseAsync(CancellationToken cancellationToken = default) =>
        AdvanceAsync(Record with { Released = true, ExpiresAt = _clock.GetUtcNow() }, cancellationToken);

    private async Task<bool> AdvanceAsync(RunKeyLeaseRecord next, CancellationToken cancellationToken)
    {
        if (!await TryWriteAsync(_store, _folder, _generation + 1, next, cancellationToken))
        {
            return false;
        }

        _generation++;
        Record = next;
        await DeleteOlderAsync(cancellationToken);
        return true;
    }

    /// <summary>Writes a generation put-if-absent; true when it is ours (also when a retried request finds our own write).</summary>
    private static async Task<bool> TryWriteAsync(IObjectStore store, string folder, long generation, RunKeyLeaseRecord record, CancellationToken cancellationToken)
    {
        var path = PathOf(folder, generation);
        if (await store.PutIfAbsentAsync(path, LakeJson.Serialize(record), cancellationToken))
        {
            return true;
        }

        // A store client that retried a create which had succeeded sees its own object as "already there".
        var there = await TryReadAsync(store, path, cancellationToken);
        return there?.Attempt == record.Attempt && there.ExpiresAt == record.ExpiresAt && there.Released == record.Released;
    }

    private async Task DeleteOlderAsync(CancellationToken cancellationToken)
    {
        foreach (var (generation, path) in await ListAsync(_store, _folder, cancellationToken))
        {
            if (generation < _generation)
            {
                await _store.DeleteAsync(path, cancellationToken);
            }
        }
    }

    private static async Task<(long Generation, RunKeyLeaseRecord? Record)> ReadNewestAsync(IObjectStore store, string folder, CancellationToken cancellationToken)
    {
        var generations = await ListAsync(store, folder, cancellationToken);
        if (generations.Count == 0)
        {
            return (-1, null);
        }

        var (generation, path) = generations[^1];
        return (generation, await TryReadAsync(store, path, cancellationToken));
    }

    /// <summary>The generations in the folder, oldest first; other files are ignored.</summary>
    private static async Task<List<(long Generation, string Path)>> ListAsync(IObjectStore store, string folder, CancellationToken cancellationToken)
    {
        var generations = new List<(long, string)>();
        foreach (var item in await store.ListAsync(folder + "/", cancellationToken))
        {
            var name = item.Path[(folder.Length + 1)..];
            if (name.EndsWith(".json", StringComparison.Ordinal)
                && long.TryParse(name[..^".json".Length], NumberStyles.None, CultureInfo.InvariantCulture, out var generation))
            {
                generations.Add((generation, item.Path));
            }
        }

        generations.Sort((left, right) => left.Item1.CompareTo(right.Item1));
        return generations;
    }

    private static async Task<RunKeyLeaseRecord?> TryReadAsync(IObjectStore store, string path, CancellationToken cancellationToken)
    {
        var bytes = await store.TryReadAsync(path, cancellationToken);
        try
        {
            return bytes is null ? null : JsonSerializer.Deserialize<RunKeyLeaseRecord>(bytes, LakeJson.Options);
        }
        catch (JsonException error)
        {
            throw new MedallionException($"{store.Describe(path)} is not a readable run key lease: {error.Message}. Delete it if no attempt of the run key is running.", error);
        }
    }

    private static string PathOf(string folder, long generation) =>
        $"{folder}/{generation.ToString("D20", CultureInfo.InvariantCulture)}.json";

    private static RunKeyHeldException Held(IObjectStore store, LakeLayout layout, string folder, RunKeyLeaseRecord holder) => new(
        $"{layout.Dataset}.{layout.Table}: another attempt holds run key '{holder.RunKey}' ({holder.Holder}; its lease expires at {holder.ExpiresAt:yyyy-MM-ddTHH:mm:ssZ} unless it renews it). " +
        $"This attempt wrote nothing. Wait for that attempt to finish; if its process is gone, the key is free once the lease expires (lease: {store.Describe(folder)}).");
}
