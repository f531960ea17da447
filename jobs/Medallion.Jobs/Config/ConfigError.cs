namespace Medallion.Jobs.Config;

/// <summary>One problem found in a configuration file, with where it was written.</summary>
/// <param name="Location">The file, line and column (1-based) the problem points at.</param>
/// <param name="Message">What is wrong and what was expected instead.</param>
public sealed record ConfigError(SourceLocation Location, string Message)
{
    /// <summary>The error as <c>file:line:column: message</c>, the form editors and CI logs link.</summary>
    public override string ToString() => $"{Location}: {Message}";
}
