namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>DuckDB refused or failed a statement (a bad expression in the YAML, a file it cannot read, out of disk).</summary>
public sealed class DuckDbEngineException : MedallionException
{
    public DuckDbEngineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DuckDbEngineException()
    {
    }

    public DuckDbEngineException(string message)
        : base(message)
    {
    }
}
