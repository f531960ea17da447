namespace Medallion.Jobs.Config;

/// <summary>Where a value was written in a configuration file (1-based line and column).</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <summary>A location for values that did not come from a file (defaults, tests).</summary>
    public static SourceLocation None { get; } = new("<none>", 0, 0);

    public override string ToString() => $"{File}:{Line}:{Column}";
}
