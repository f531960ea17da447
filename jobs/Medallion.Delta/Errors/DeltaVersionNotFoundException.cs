namespace Medallion.Delta;

/// <summary>The requested table version does not exist or can no longer be rebuilt from the log.</summary>
public sealed class DeltaVersionNotFoundException : MedallionException
{
    public DeltaVersionNotFoundException(string message, Exception? innerException = null)
        : base(message, isTransient: false, innerException)
    {
    }
}
