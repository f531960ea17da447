using Medallion.Jobs.Config;

namespace Medallion.Orchestration.Promotion;

/// <summary>Tuning of promotions.</summary>
/// <param name="CopyParallelism">Data files copied at once (server-side copies on S3); default 16.</param>
/// <param name="MaxCommitAttempts">Commits tried when another promotion takes the version first; default 5.</param>
public sealed record PromotionOptions(int CopyParallelism = 16, int MaxCommitAttempts = 5)
{
    public static PromotionOptions Default { get; } = new();

    /// <summary>Most rows a merge promotion writes per file and partition; default 1,000,000 (tens of MB).</summary>
    /// <value>Smaller files make the next merge rewrite less, at the cost of more files.</value>
    public long MergeFileRows { get; init; } = 1_000_000;

    /// <summary>
    /// The embedded DuckDB's settings for merge promotions (memory, threads); each merge works in a
    /// folder of its own below their <see cref="DuckDbSpec.TempDirectory"/>, removed afterwards.
    /// Null: the settings of the table's environment (<see cref="LakeTable.Environment"/>, its <c>duckdb:</c>
    /// block), or, for a table opened without one, DuckDB's defaults below the system's temp folder.
    /// </summary>
    public DuckDbSpec? MergeEngine { get; init; }
}
