namespace Medallion.Orchestration.Promotion;

/// <summary>Tuning of promotions.</summary>
/// <param name="CopyParallelism">Data files copied at once (server-side copies on S3); default 16.</param>
/// <param name="MaxCommitAttempts">Commits tried when another promotion takes the version first; default 5.</param>
public sealed record PromotionOptions(int CopyParallelism = 16, int MaxCommitAttempts = 5)
{
    public static PromotionOptions Default { get; } = new();
}
