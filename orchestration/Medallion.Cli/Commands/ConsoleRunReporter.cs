using Medallion.Orchestration.Runs;

namespace Medallion.Cli.Commands;

/// <summary>
/// Progress as timestamped lines on standard error, so that standard output keeps only the
/// summary; the same lines work on a terminal and in a log.
/// </summary>
internal sealed class ConsoleRunReporter(CliContext context) : IRunReporter
{
    public void Progress(string message) =>
        context.Error.WriteLine($"[{context.Clock.GetUtcNow():HH:mm:ss}] {message}");

    public void Warning(string message) =>
        context.Error.WriteLine($"[{context.Clock.GetUtcNow():HH:mm:ss}] warning: {message}");
}
