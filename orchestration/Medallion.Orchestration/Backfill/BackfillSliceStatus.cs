namespace Medallion.Orchestration.Backfill;

/// <summary>What a backfill did with one slice.</summary>
public enum BackfillSliceStatus
{
    /// <summary>Every table with files in the slice had already promoted its run key (an earlier, interrupted backfill did): not run again.</summary>
    AlreadyPromoted,

    /// <summary>Run, validated and promoted.</summary>
    Promoted,

    /// <summary>The run or its validation failed; the backfill stops here, so later slices never overtake it.</summary>
    Failed,
}
