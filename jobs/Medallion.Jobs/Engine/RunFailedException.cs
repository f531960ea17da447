namespace Medallion.Jobs.Engine;

/// <summary>A run stopped on purpose: a <c>fail</c> rule was broken, or input could not be read at all.</summary>
public sealed class RunFailedException : MedallionException
{
    public RunFailedException(string message)
        : base(message)
    {
    }

    public RunFailedException()
    {
    }

    public RunFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
