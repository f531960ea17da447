namespace Medallion.Orchestration.Promotion;

/// <summary>
/// One commit Medallion made to <c>current/</c> (a promotion or a rollback), as <c>_LATEST.json</c>
/// and its history record it. Every field is also in the commit's <c>commitInfo</c>, so the record
/// can be rebuilt from the Delta log.
/// </summary>
/// <param name="Operation"><see cref="PromoteOperation"/> or <see cref="RollbackOperation"/>.</param>
/// <param name="RunKey">The run whose rows <c>current/</c> holds after the commit (for a rollback: the run rolled back to).</param>
/// <param name="Sequence">The promotion sequence: 1, 2, 3… per table, also the commit's <c>txn</c> version.</param>
/// <param name="CurrentVersion">The Delta version of <c>current/</c> this commit created.</param>
/// <param name="Mode"><c>replace_partitions</c>, <c>replace_all</c>, <c>append</c>, <c>merge</c>, or <c>restore</c> for a rollback.</param>
/// <param name="PartitionsReplaced">
/// Hive-style partitions (<c>year=2024/month=1</c>) the commit replaced; <c>""</c> for an unpartitioned table.
/// For a merge: the partitions where it removed or added files.
/// </param>
/// <param name="RolledBackRunKey">For a rollback: the run that was current before it.</param>
/// <param name="RestoredVersion">For a rollback: the version of <c>current/</c> whose files it re-added.</param>
/// <param name="EmrJobRunIds">The EMR Serverless job run of each step of the run (<c>bronze</c>, <c>silver</c>), when it ran on EMR.</param>
/// <param name="ExecutionArn">The Step Functions execution that ran it, when one did.</param>
public sealed record PromotionRecord(
    string Operation,
    string RunKey,
    string SchemaVersion,
    long Sequence,
    long CurrentVersion,
    string Mode,
    IReadOnlyList<string> PartitionsReplaced,
    PromotionCounts Counts,
    DateTimeOffset PromotedAt,
    IReadOnlyDictionary<string, string>? EmrJobRunIds = null,
    string? ExecutionArn = null,
    string? RolledBackRunKey = null,
    long? RestoredVersion = null)
{
    public const string PromoteOperation = "promote";
    public const string RollbackOperation = "rollback";

    /// <summary>The name of the state machine whose execution ran it, when one did.</summary>
    public string? StateMachine { get; init; }
}

/// <summary>Row counts of a promotion.</summary>
/// <param name="RowsRead">Rows the run read from bronze.</param>
/// <param name="SilverRows">Rows the run staged in silver (what <c>max_row_change_ratio</c> compares with).</param>
/// <param name="Quarantined">Rows the run quarantined.</param>
/// <param name="CurrentRows">Rows live in <c>current/</c> after the commit.</param>
public sealed record PromotionCounts(long RowsRead, long SilverRows, long Quarantined, long CurrentRows)
{
    /// <summary>What a merge promotion did to each key; null for the other modes.</summary>
    public MergeCounts? Merge { get; init; }
}

/// <summary>What a merge promotion did, by key.</summary>
/// <param name="Inserted">Keys new to <c>current/</c>.</param>
/// <param name="Updated">Keys whose row the run replaced.</param>
/// <param name="Deleted">Keys a tombstone row of the run (<c>delete_when</c>) removed.</param>
/// <param name="Unchanged">Rows of <c>current/</c> the run left as they were (including rows newer, by <c>order_by</c>, than the run's).</param>
public sealed record MergeCounts(long Inserted, long Updated, long Deleted, long Unchanged);
