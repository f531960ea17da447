using Medallion.Orchestration.Runs;

namespace Medallion.Benchmarks;

/// <summary>The runs' own progress lines would drown the benchmark's; their warnings are about the scratch input.</summary>
internal sealed class QuietReporter : IRunReporter
{
    public static QuietReporter Instance { get; } = new();

    public void Progress(string message)
    {
    }

    public void Warning(string message)
    {
    }
}
