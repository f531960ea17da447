using Medallion.Delta.Storage;
using Medallion.Jobs.Lake;
using Medallion.Orchestration.Ledger;
using Medallion.Orchestration.Runs;

namespace Medallion.Orchestration.Leases;

/// <summary>
/// The leases of one run over its tables: taken before any layer writes, renewed in the background
/// while the layers run (however long one step takes), released when the run ends.
/// </summary>
/// <remarks>
/// All or nothing: when another attempt holds the key of any table, the leases taken so far are
/// released and the run fails before writing anything. When a renewal finds that another attempt has
/// taken a key over (this process was paused past the expiry), <see cref="Lost"/> is cancelled so the
/// run stops instead of writing beside the new holder.
/// </remarks>
internal sealed class RunKeyLeases : IAsyncDisposable
{
    private readonly IReadOnlyList<RunKeyLease> _leases;
    private readonly IRunReporter _reporter;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewal;

    private RunKeyLeases(IReadOnlyList<RunKeyLease> leases, TimeSpan expiry, TimeProvider clock, IRunReporter reporter)
    {
        _leases = leases;
        _reporter = reporter;
        _renewal = RenewUntilStoppedAsync(RenewInterval(expiry), clock);
    }

    /// <summary>Cancelled when another attempt took over one of the keys; the run must stop writing.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>What <see cref="Lost"/> means, once it is cancelled.</summary>
    public string? LostReason { get; private set; }

    /// <summary>A lease is renewed a third of its expiry after the last renewal, so two renewals may fail before it lapses.</summary>
    public static TimeSpan RenewInterval(TimeSpan expiry) => expiry / 3;

    /// <summary>Takes the run key of every table; tells about earlier attempts that were abandoned.</summary>
    /// <exception cref="RunKeyHeldException">Another attempt holds the key of one of the tables; nothing was written.</exception>
    public static async Task<RunKeyLeases> AcquireAsync(
        IObjectStore store, IReadOnlyList<LakeLayout> tables, string runKey, TimeSpan expiry, TimeProvider clock, IRunReporter reporter,
        CancellationToken cancellationToken = default)
    {
        var leases = new List<RunKeyLease>();
        try
        {
            foreach (var layout in tables)
            {
                var lease = await RunKeyLease.AcquireAsync(store, layout, runKey, expiry, clock, cancellationToken);
                leases.Add(lease);
                await ReportAbandonedAsync(store, layout, lease, reporter, cancellationToken);
            }
        }
        catch
        {
            foreach (var lease in leases)
            {
                await lease.ReleaseAsync(CancellationToken.None);
            }

            throw;
        }

        return new RunKeyLeases(leases, expiry, clock, reporter);
    }

    /// <summary>Stops renewing and releases every key (a failure to release is a warning: the lease then simply expires).</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewal;
        foreach (var lease in _leases)
        {
            try
            {
                if (!await lease.ReleaseAsync(CancellationToken.None))
                {
                    _reporter.Warning($"{Name(lease)}: another attempt had taken run key '{lease.Record.RunKey}' over; its lease was left to it.");
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                _reporter.Warning($"{Name(lease)}: the lease of run key '{lease.Record.RunKey}' could not be released ({error.Message}); the key is free again at {lease.Record.ExpiresAt:yyyy-MM-ddTHH:mm:ssZ}.");
            }
        }

        _lost.Dispose();
        _stop.Dispose();
    }

    /// <summary>A ledger still saying <c>running</c> while nobody held the key belongs to an attempt that died before it could record its end.</summary>
    private static async Task ReportAbandonedAsync(IObjectStore store, LakeLayout layout, RunKeyLease lease, IRunReporter reporter, CancellationToken cancellationToken)
    {
        var entry = await new RunLedger(store).ReadAsync(layout, lease.Record.RunKey, cancellationToken);
        if (lease.Abandoned is { } abandoned)
        {
            reporter.Warning(
                $"{Name(lease)}: the previous attempt of run key '{abandoned.RunKey}' ({abandoned.Holder}) stopped without releasing the key; its lease expired at {abandoned.ExpiresAt:yyyy-MM-ddTHH:mm:ssZ}. " +
                (entry?.Status == RunLedgerEntry.Running ? "Its ledger still says running: that attempt is abandoned, and this one starts the key afresh." : "This attempt takes the key over."));
        }
        else if (entry?.Status == RunLedgerEntry.Running)
        {
            reporter.Warning($"{Name(lease)}: the ledger of run key '{entry.RunKey}' says running, but no attempt held the key: that attempt is abandoned, and this one starts the key afresh.");
        }
    }

    private async Task RenewUntilStoppedAsync(TimeSpan interval, TimeProvider clock)
    {
        try
        {
            while (true)
            {
                await Task.Delay(interval, clock, _stop.Token);
                foreach (var lease in _leases)
                {
                    await RenewAsync(lease);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The run ended.
        }
    }

    private async Task RenewAsync(RunKeyLease lease)
    {
        try
        {
            if (!await lease.RenewAsync(_stop.Token))
            {
                LostReason ??= $"{Name(lease)}: another attempt took run key '{lease.Record.RunKey}' over while this one ran (this process did not renew its lease before it expired at {lease.Record.ExpiresAt:yyyy-MM-ddTHH:mm:ssZ}); this attempt stopped writing.";
                await _lost.CancelAsync();
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The store may be back by the next renewal; the lease stays valid until its expiry.
            _reporter.Warning($"{Name(lease)}: renewing the lease of run key '{lease.Record.RunKey}' failed ({error.Message}); it holds until {lease.Record.ExpiresAt:yyyy-MM-ddTHH:mm:ssZ}, retrying.");
        }
    }

    private static string Name(RunKeyLease lease) => $"{lease.Record.Dataset}.{lease.Record.Table}";
}
