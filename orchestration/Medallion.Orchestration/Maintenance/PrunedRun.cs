namespace Medallion.Orchestration.Maintenance;

/// <summary>A staged run <c>runs prune</c> removes (or would remove, on a dry run).</summary>
/// <param name="Table"><c>dataset.table</c>.</param>
/// <param name="RunKey">The run.</param>
/// <param name="Status">Its last status (never promoted: failed, rejected, succeeded, validated, or an abandoned running).</param>
/// <param name="LastChange">When its status last changed.</param>
/// <param name="Objects">Objects under its staged folder.</param>
/// <param name="Bytes">Their bytes.</param>
public sealed record PrunedRun(string Table, string RunKey, string Status, DateTimeOffset LastChange, int Objects, long Bytes);
