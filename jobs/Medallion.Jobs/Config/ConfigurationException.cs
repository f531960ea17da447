namespace Medallion.Jobs.Config;

/// <summary>
/// The configuration is invalid. Carries every error found across all files, so a user fixes
/// them in one pass; the message lists them one per line as <c>file:line:column: message</c>.
/// </summary>
public sealed class ConfigurationException : MedallionException
{
    public ConfigurationException(IReadOnlyList<ConfigError> errors)
        : base(FormatMessage(errors))
    {
        Errors = errors;
    }

    public ConfigurationException()
        : this([])
    {
    }

    public ConfigurationException(string message)
        : base(message)
    {
        Errors = [];
    }

    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>Every error found, in file order.</summary>
    public IReadOnlyList<ConfigError> Errors { get; }

    private static string FormatMessage(IReadOnlyList<ConfigError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var noun = errors.Count == 1 ? "error" : "errors";
        return $"The configuration has {errors.Count} {noun}:{Environment.NewLine}"
            + string.Join(Environment.NewLine, errors);
    }
}
