namespace Medallion.Orchestration.Promotion;

/// <summary>
/// The content of <c>silver/{dataset}/{table}/_LATEST.json</c>: the newest commit to <c>current/</c>
/// (its fields at the top level) and a bounded history of earlier ones, newest first.
/// </summary>
public sealed record LatestPointer(string Dataset, string Table, PromotionRecord Latest, IReadOnlyList<PromotionRecord> History)
{
    /// <summary>How many earlier commits the history keeps.</summary>
    public const int HistoryLimit = 50;

    /// <summary>The pointer after <paramref name="next"/>: this pointer's latest moves to the front of the history.</summary>
    public LatestPointer Then(PromotionRecord next) =>
        this with { Latest = next, History = [.. new[] { Latest }.Concat(History).Take(HistoryLimit)] };
}
