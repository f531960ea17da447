namespace Medallion.Cli;

/// <summary>The process exit codes every command shares.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The work failed: a fail rule, an engine or storage error, a failed validation.</summary>
    public const int Failed = 1;

    /// <summary>The command line or the configuration is wrong; nothing was written.</summary>
    public const int Usage = 2;
}
