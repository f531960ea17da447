namespace Medallion.Delta;

/// <summary>The table needs a protocol feature Medallion does not implement; the message names it.</summary>
public sealed class DeltaUnsupportedFeatureException : MedallionException
{
    public DeltaUnsupportedFeatureException(string message, Exception? innerException = null)
        : base(message, isTransient: false, innerException)
    {
    }
}
