namespace Medallion.Delta;

/// <summary>
/// Another writer committed a change this transaction cannot be rebased over: it removed a file
/// this transaction removes, wrote to a partition this transaction replaces, changed the
/// protocol or metadata, or published the same app transaction. The transaction itself cannot
/// commit; rebuilding it from the latest snapshot may succeed (so it is transient, like its base).
/// </summary>
public sealed class DeltaConflictException : DeltaConcurrentCommitException
{
    public DeltaConflictException(string message, long attemptedVersion, long conflictingVersion, long readVersion)
        : base(message, attemptedVersion, readVersion)
    {
        ConflictingVersion = conflictingVersion;
    }

    /// <summary>The version, written by another writer, that conflicts.</summary>
    public long ConflictingVersion { get; }
}
