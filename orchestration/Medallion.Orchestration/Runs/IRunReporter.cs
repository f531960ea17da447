namespace Medallion.Orchestration.Runs;

/// <summary>Where a run tells what it is doing: a terminal shows progress, a log gets plain lines.</summary>
public interface IRunReporter
{
    void Progress(string message);

    void Warning(string message);

    /// <summary>A table's step started, staged a file or finished; a reporter without a display of its own logs the milestones.</summary>
    void Report(RunProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (progress.IsMilestone)
        {
            Progress(progress.Describe());
        }
    }
}
