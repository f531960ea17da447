namespace Medallion.Delta;

/// <summary>A path holds no Delta table (no `_delta_log` commits).</summary>
public sealed class DeltaTableNotFoundException : MedallionException
{
    public DeltaTableNotFoundException(string message, Exception? innerException = null)
        : base(message, isTransient: false, innerException)
    {
    }
}
