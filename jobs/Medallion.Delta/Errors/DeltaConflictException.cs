namespace Medallion.Delta;

/// <summary>
/// Another writer committed a change this transaction cannot be rebased over: it removed a file
/// this transaction removes, wrote to a partition this transaction replaces, changed the
/// protocol or metadata, or published the same app transaction. Not transient: the transaction
/// must be rebuilt from the latest snapshot (if it still makes sense at all).
/// </summary>
public sealed class DeltaConflictException : MedallionException
{
    public DeltaConflictException(string message, long conflictingVersion, long readVersion)
        : base(message, isTransient: false)
    {
        ConflictingVersion = conflictingVersion;
        ReadVersion = readVersion;
    }

    /// <summary>The version, written by another writer, that conflicts.</summary>
    public long ConflictingVersion { get; }

    /// <summary>The snapshot version this transaction read (-1 when it created the table).</summary>
    public long ReadVersion { get; }
}
