namespace Medallion.Delta;

/// <summary>A new schema is incompatible with the table's; the message names the column and both types.</summary>
public sealed class DeltaSchemaMismatchException : MedallionException
{
    public DeltaSchemaMismatchException(string message, Exception? innerException = null)
        : base(message, isTransient: false, innerException)
    {
    }
}
