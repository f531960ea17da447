namespace Medallion.Delta.Maintenance;

/// <summary>What a VACUUM of one table deletes, decided from its log at one version.</summary>
/// <param name="Version">The latest version when the plan was made.</param>
/// <param name="Cutoff">Files removed before this instant (and written before it) are deleted; later ones stay for time travel.</param>
/// <param name="Files">The files to delete, ordered by path.</param>
/// <param name="FilesKept">Data files that stay: live in the latest version, or needed by a version within the retention.</param>
public sealed record VacuumPlan(long Version, DateTimeOffset Cutoff, IReadOnlyList<VacuumFile> Files, int FilesKept)
{
    /// <summary>The bytes the deletion frees.</summary>
    public long Bytes => Files.Sum(file => file.Size);
}
