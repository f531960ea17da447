using Medallion.Orchestration.Runs;

namespace Medallion.Orchestration.Tests;

/// <summary>Keeps a run's warnings for assertions and drops its progress lines.</summary>
internal sealed class RecordingReporter : IRunReporter
{
    public List<string> Warnings { get; } = [];

    public void Progress(string message)
    {
    }

    public void Warning(string message) => Warnings.Add(message);
}
