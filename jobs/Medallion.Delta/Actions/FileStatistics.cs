using System.Text.Json.Nodes;

namespace Medallion.Delta;

/// <summary>The per-file statistics stored as a JSON string in <c>add.stats</c>.</summary>
/// <remarks>
/// Statistics of nested struct columns are flattened with dotted keys (<c>a.b.c</c>) so every
/// key names one leaf column; writing splits the keys on dots to rebuild the protocol's nesting.
/// Values keep their JSON form (numbers, strings such as <c>"2024-01-31"</c> for dates).
/// </remarks>
/// <param name="NumRecords">Rows in the file.</param>
/// <param name="MinValues">Smallest value per leaf column.</param>
/// <param name="MaxValues">Largest value per leaf column.</param>
/// <param name="NullCount">Null count per leaf column.</param>
public sealed record FileStatistics(
    long NumRecords,
    IReadOnlyDictionary<string, JsonNode?> MinValues,
    IReadOnlyDictionary<string, JsonNode?> MaxValues,
    IReadOnlyDictionary<string, long> NullCount);
