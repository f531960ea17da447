namespace Medallion.Delta;

/// <summary>
/// Other writers took the version this transaction tried to write, and it could not commit on
/// top of them: either they kept winning more often than <see cref="DeltaTable.MaxCommitAttempts"/>
/// allows, or (<see cref="DeltaConflictException"/>) one of them made a conflicting change.
/// Transient: redoing the operation from a fresh snapshot may succeed.
/// </summary>
public class DeltaConcurrentCommitException : MedallionException
{
    public DeltaConcurrentCommitException(string message, long attemptedVersion, long readVersion)
        : base(message, isTransient: true)
    {
        AttemptedVersion = attemptedVersion;
        ReadVersion = readVersion;
    }

    /// <summary>The version this transaction last tried to create.</summary>
    public long AttemptedVersion { get; }

    /// <summary>The snapshot version the transaction read (-1 when it created the table).</summary>
    public long ReadVersion { get; }
}
