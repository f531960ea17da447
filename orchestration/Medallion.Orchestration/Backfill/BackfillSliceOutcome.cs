namespace Medallion.Orchestration.Backfill;

/// <param name="Error">Why the slice failed, or null.</param>
public sealed record BackfillSliceOutcome(BackfillSlice Slice, BackfillSliceStatus Status, string? Error = null);
