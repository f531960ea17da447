namespace Medallion.Orchestration.Leases;

/// <summary>
/// One generation of a run key's lease, as its JSON file holds it: who holds the key and until
/// when. A new generation is written (put-if-absent) to take the key, to renew it and to release it.
/// </summary>
/// <param name="Attempt">A new id per attempt (process run), so an attempt recognises its own generations.</param>
/// <param name="Host">The machine the holder runs on.</param>
/// <param name="ProcessId">The holder's process id on <paramref name="Host"/>.</param>
/// <param name="StartedAt">When the attempt took the key.</param>
/// <param name="ExpiresAt">When the key is free again unless the holder renews it first.</param>
/// <param name="Released">The holder finished (successfully or not) and gave the key back.</param>
internal sealed record RunKeyLeaseRecord(
    string Dataset,
    string Table,
    string RunKey,
    string Attempt,
    string Host,
    int ProcessId,
    DateTimeOffset StartedAt,
    DateTimeOffset ExpiresAt,
    bool Released = false)
{
    /// <summary>Whether an attempt holds the key at <paramref name="now"/>.</summary>
    public bool IsHeldAt(DateTimeOffset now) => !Released && ExpiresAt > now;

    /// <summary>The holder for messages: <c>host h, pid p, started at …</c>.</summary>
    public string Holder => $"host {Host}, pid {ProcessId}, started at {StartedAt:yyyy-MM-ddTHH:mm:ssZ}";
}
