namespace Medallion.Delta.Maintenance;

/// <summary>What an OPTIMIZE of one snapshot would rewrite.</summary>
/// <param name="Snapshot">The snapshot the plan was made from (the commit's read version).</param>
/// <param name="TargetFileSize">The size compacted files aim at, in bytes.</param>
/// <param name="Groups">The groups of small files, each becoming one file; empty when nothing needs compacting.</param>
public sealed record OptimizePlan(DeltaSnapshot Snapshot, long TargetFileSize, IReadOnlyList<CompactionGroup> Groups)
{
    /// <summary>The files the plan removes.</summary>
    public int FilesRemoved => Groups.Sum(group => group.Files.Count);

    /// <summary>Whether there is anything to compact.</summary>
    public bool IsEmpty => Groups.Count == 0;
}
