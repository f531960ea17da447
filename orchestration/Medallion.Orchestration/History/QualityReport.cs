namespace Medallion.Orchestration.History;

/// <summary>
/// The quarantine trend of a table from its run history: per run the share of rows quarantined and
/// the top broken rules, with a jump flagged when the share rises to at least
/// <see cref="JumpFactor"/> times the previous run's share and by at least
/// <see cref="JumpPoints"/> (both, so neither a rise from 0.1 % to 0.3 % nor one from 40 % to 41.5 % is flagged).
/// </summary>
public static class QualityReport
{
    /// <summary>How many times the previous share a jump reaches.</summary>
    public const double JumpFactor = 1.5;

    /// <summary>How much the share must rise, as a fraction (0.01 = one percentage point).</summary>
    public const double JumpPoints = 0.01;

    /// <summary>How many broken rules each run lists.</summary>
    public const int TopRuleCount = 3;

    /// <summary>The newest <paramref name="last"/> runs of one table, newest first.</summary>
    /// <param name="history">The table's rows, newest first (as <see cref="RunHistoryReader"/> returns them); older rows give the oldest shown run its comparison.</param>
    public static IReadOnlyList<QualityRun> For(IReadOnlyList<RunHistoryRow> history, int last)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfLessThan(last, 1);
        var runs = new List<QualityRun>();
        for (var i = 0; i < history.Count && runs.Count < last; i++)
        {
            var row = history[i];
            var share = row.QuarantineShare;
            var previous = history.Skip(i + 1).Select(r => r.QuarantineShare).FirstOrDefault(s => s is not null);
            var top = row.RuleFailures.Where(r => r.Value > 0)
                .OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal)
                .Take(TopRuleCount).ToList();
            runs.Add(new QualityRun(row, share, IsJump(previous, share), top));
        }

        return runs;
    }

    /// <summary>A sharp rise: at least <see cref="JumpPoints"/> up and at least <see cref="JumpFactor"/> times the previous share.</summary>
    public static bool IsJump(double? previous, double? current) =>
        previous is { } before && current is { } now && now - before >= JumpPoints && now >= before * JumpFactor;
}
