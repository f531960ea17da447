using Medallion.Delta.Schema;

namespace Medallion.Delta;

/// <summary>A new schema is incompatible with the table's; the message says which columns were added, removed or retyped.</summary>
public sealed class DeltaSchemaMismatchException : MedallionException
{
    public DeltaSchemaMismatchException(string message, Exception? innerException = null)
        : base(message, isTransient: false, innerException)
    {
    }

    /// <summary>How the schemas differ; null when the refusal is about something else or was not computed.</summary>
    public DeltaSchemaDiff? Difference { get; init; }
}
