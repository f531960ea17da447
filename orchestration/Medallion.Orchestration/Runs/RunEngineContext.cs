using Medallion.Jobs.Config;

namespace Medallion.Orchestration.Runs;

/// <summary>What an engine is opened with, for one command on one environment.</summary>
/// <param name="Input">A folder to read raw files from instead of the environment's <c>raw_root</c> (<c>--input</c>), or null.</param>
/// <param name="Reporter">Where the engine tells what it is doing.</param>
public sealed record RunEngineContext(
    MedallionConfiguration Configuration,
    EnvironmentSpec Environment,
    string? Input,
    TimeProvider Clock,
    IRunReporter Reporter);
