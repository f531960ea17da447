using Medallion.Orchestration.Promotion;

namespace Medallion.Orchestration.Rollback;

/// <summary>How a rollback ended.</summary>
/// <param name="Record">The rollback commit, or the promotion already live when nothing changed.</param>
/// <param name="Changed">False when <c>current/</c> already held the target promotion.</param>
/// <param name="FilesRemoved">Live files the rollback commit removed.</param>
/// <param name="FilesReadded">Files of the target promotion it added back.</param>
public sealed record RollbackResult(string Table, PromotionRecord Record, bool Changed, int FilesRemoved, int FilesReadded);
