namespace Medallion;

/// <summary>
/// The root of every error Medallion raises about data, configuration or storage (API misuse
/// uses the standard argument exceptions). Retry logic reads <see cref="IsTransient"/>.
/// </summary>
public class MedallionException : Exception
{
    public MedallionException(string message, bool isTransient = false, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
    }

    public MedallionException()
    {
    }

    public MedallionException(string message)
        : base(message)
    {
    }

    public MedallionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when trying the same operation again may succeed (throttling, a lost race).</summary>
    public bool IsTransient { get; }
}
