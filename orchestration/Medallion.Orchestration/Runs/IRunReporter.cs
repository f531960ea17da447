namespace Medallion.Orchestration.Runs;

/// <summary>Where a run tells what it is doing: a terminal shows progress, a log gets plain lines.</summary>
public interface IRunReporter
{
    void Progress(string message);

    void Warning(string message);
}
