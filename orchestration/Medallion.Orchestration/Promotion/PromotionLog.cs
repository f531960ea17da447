using Medallion.Delta;

namespace Medallion.Orchestration.Promotion;

/// <summary>The commits Medallion made to a table's <c>current/</c>, read from its Delta log: the source of truth behind <c>_LATEST.json</c>.</summary>
internal static class PromotionLog
{
    /// <summary>Every promotion and rollback still in the log, oldest first; empty when <c>current/</c> has no table.</summary>
    public static async Task<IReadOnlyList<PromotionRecord>> ReadAsync(LakeTable table, CancellationToken cancellationToken = default)
    {
        var history = await new DeltaTable(table.Store, table.Layout.SilverCurrent).HistoryAsync(cancellationToken);
        return [.. history.Select(PromotionCommitInfo.Read).OfType<PromotionRecord>()];
    }

    /// <summary>The promotion commit of <paramref name="runKey"/>, or null when the run was never promoted.</summary>
    public static PromotionRecord? FindPromotion(IReadOnlyList<PromotionRecord> log, string runKey) =>
        log.LastOrDefault(r => r.Operation == PromotionRecord.PromoteOperation && r.RunKey == runKey);

    /// <summary>
    /// The promotion whose files <c>current/</c> holds now: the newest commit when it is a
    /// promotion, or the promotion a rollback restored (followed through earlier rollbacks).
    /// </summary>
    public static PromotionRecord? Effective(IReadOnlyList<PromotionRecord> log)
    {
        var record = log.Count == 0 ? null : log[^1];
        while (record is { Operation: PromotionRecord.RollbackOperation, RestoredVersion: { } restored })
        {
            record = log.LastOrDefault(r => r.CurrentVersion == restored);
        }

        return record;
    }
}
