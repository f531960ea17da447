namespace Medallion.Delta;

/// <summary>
/// Another writer committed the version this transaction tried to write. Transient: reading
/// the table again and retrying may succeed.
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
