namespace Medallion.Delta;

/// <summary>
/// Other writers kept committing the versions this transaction tried to write, more often than
/// <see cref="DeltaTable.MaxCommitAttempts"/> allows (each loss without a conflict is retried at
/// the next version). Transient: retrying the operation later may succeed.
/// </summary>
public sealed class DeltaConcurrentCommitException : MedallionException
{
    public DeltaConcurrentCommitException(string message, long attemptedVersion, long readVersion)
        : base(message, isTransient: true)
    {
        AttemptedVersion = attemptedVersion;
        ReadVersion = readVersion;
    }

    /// <summary>The version this transaction tried to create.</summary>
    public long AttemptedVersion { get; }

    /// <summary>The snapshot version the transaction read (-1 when it created the table).</summary>
    public long ReadVersion { get; }
}
