namespace Medallion.Orchestration.Leases;

/// <summary>Another attempt holds the run key of a table: this attempt must not write anything of it.</summary>
internal sealed class RunKeyHeldException : MedallionException
{
    public RunKeyHeldException(string message)
        : base(message, isTransient: true)
    {
    }

    public RunKeyHeldException()
    {
    }

    public RunKeyHeldException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
