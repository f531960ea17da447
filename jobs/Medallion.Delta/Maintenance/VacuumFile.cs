namespace Medallion.Delta.Maintenance;

/// <summary>A data file VACUUM deletes.</summary>
/// <param name="Path">The file's path relative to the table root.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="LastModified">When the store last wrote it.</param>
/// <param name="Untracked">True when no add action still in the log names it (e.g. a copy a crashed writer left), false for a file removed before the retention.</param>
public sealed record VacuumFile(string Path, long Size, DateTimeOffset LastModified, bool Untracked);
