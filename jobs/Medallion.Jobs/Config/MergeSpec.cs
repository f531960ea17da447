namespace Medallion.Jobs.Config;

/// <summary>
/// The settings of <c>promotion: merge</c> (written <c>promotion: { mode: merge, order_by: …, delete_when: … }</c>):
/// which of two rows with the same primary key is newer, and which rows are tombstones.
/// </summary>
/// <param name="OrderBy">
/// A silver column (or <c>_ingested_at</c>): of two rows with one key, the one with the larger value wins,
/// a null value losing to any other. Null (the default): the run's rows win over <c>current/</c>'s, and
/// within a run a row from a later raw file (in name order) wins.
/// </param>
/// <param name="DeleteWhen">
/// A SQL condition over silver columns: a winning row for which it is true deletes its key from
/// <c>current/</c> instead of being written. Null: no tombstones.
/// </param>
public sealed record MergeSpec(string? OrderBy = null, string? DeleteWhen = null)
{
    /// <summary>No order column, no tombstones.</summary>
    public static MergeSpec Default { get; } = new();
}
