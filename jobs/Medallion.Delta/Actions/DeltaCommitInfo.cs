using System.Text.Json.Nodes;

namespace Medallion.Delta;

/// <summary>One version of the table's history, from the version's <c>commitInfo</c> action.</summary>
/// <param name="Version">The table version.</param>
/// <param name="Timestamp">The commit time (<c>commitInfo.timestamp</c>, or the commit file's modification time when absent).</param>
/// <param name="Operation">The operation, e.g. <c>WRITE</c>; <see langword="null"/> when the version has no commitInfo.</param>
/// <param name="OperationParameters">The operation's parameters.</param>
/// <param name="Extras">Every other commitInfo field (Medallion's runKey, engine and counts; Spark's operationMetrics, engineInfo, …).</param>
public sealed record DeltaCommitInfo(
    long Version,
    DateTimeOffset Timestamp,
    string? Operation,
    IReadOnlyDictionary<string, JsonNode?> OperationParameters,
    IReadOnlyDictionary<string, JsonNode?> Extras);
