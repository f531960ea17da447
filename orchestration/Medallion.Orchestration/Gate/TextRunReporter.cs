using Medallion.Orchestration.Runs;

namespace Medallion.Orchestration.Gate;

/// <summary>Progress and warnings as plain lines, for a job's log.</summary>
internal sealed class TextRunReporter(TextWriter output) : IRunReporter
{
    public void Progress(string message) => output.WriteLine(message);

    public void Warning(string message) => output.WriteLine("warning: " + message);
}
