namespace Medallion.Orchestration.Promotion;

/// <summary>How a promotion ended.</summary>
/// <param name="Record">What <c>current/</c> holds now: the new commit, or the earlier promotion of the same run.</param>
/// <param name="AlreadyPromoted">True when the run had been promoted before, so nothing changed (publish-once).</param>
/// <param name="FilesCopied">Data files copied under <c>current/</c> by this call (for a merge: the files it wrote).</param>
public sealed record PromotionResult(string Table, PromotionRecord Record, bool AlreadyPromoted, int FilesCopied);
