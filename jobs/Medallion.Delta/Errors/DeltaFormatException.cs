namespace Medallion.Delta;

/// <summary>The transaction log is malformed (bad JSON, a missing version, a missing required field).</summary>
public sealed class DeltaFormatException : MedallionException
{
    public DeltaFormatException(string message, Exception? innerException = null)
        : base(message, isTransient: false, innerException)
    {
    }
}
