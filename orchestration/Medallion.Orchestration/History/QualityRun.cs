namespace Medallion.Orchestration.History;

/// <summary>One run in <c>medallion quality</c>: its quarantine share, whether that share jumped, and the rules most rows broke.</summary>
/// <param name="Share">Quarantined over rows read, or null when the run read nothing (or never reached silver).</param>
/// <param name="Jumped">The share rose sharply against the table's previous run with a share (see <see cref="QualityReport"/>).</param>
/// <param name="TopRules">The rules with the most broken rows, most first (ties by name); only rules that some row broke.</param>
public sealed record QualityRun(RunHistoryRow Row, double? Share, bool Jumped, IReadOnlyList<KeyValuePair<string, long>> TopRules);
