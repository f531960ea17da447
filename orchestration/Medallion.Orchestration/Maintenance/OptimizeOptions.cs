using Medallion.Delta.Maintenance;

namespace Medallion.Orchestration.Maintenance;

/// <summary>How <see cref="TableOptimizer"/> compacts.</summary>
/// <param name="TargetFileSize">The size compacted files aim at, in bytes; files at or above it are left alone. Default 128 MB.</param>
/// <param name="MinFiles">The fewest small files a partition needs to be compacted; default 2 (any partition with two small files).</param>
/// <param name="KeepRunsApart">
/// Compact only files of the same run (their <c>medallion.runKey</c> tag) together, so re-running a
/// key still replaces exactly its rows: bronze and quarantine need it, <c>current/</c> does not.
/// </param>
/// <param name="MaxAttempts">Times the compaction is planned again when a concurrent commit removed the files it compacts; default 3.</param>
public sealed record OptimizeOptions(
    long TargetFileSize = OptimizePlanner.DefaultTargetFileSize,
    int MinFiles = 2,
    bool KeepRunsApart = false,
    int MaxAttempts = 3)
{
    public static OptimizeOptions Default { get; } = new();
}
