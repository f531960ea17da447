using System.Text.Json.Nodes;

namespace Medallion.Delta.Schema;

/// <summary>A top-level or nested column.</summary>
/// <param name="Name">The column name (unique in its struct regardless of case).</param>
/// <param name="Type">The column type.</param>
/// <param name="Nullable">Whether the column may hold nulls.</param>
/// <param name="Metadata">Column metadata as written in the schema (<c>delta.*</c> keys are the protocol's); empty when <see langword="null"/>.</param>
public sealed record DeltaField(string Name, DeltaType Type, bool Nullable = true, IReadOnlyDictionary<string, JsonNode?>? Metadata = null)
{
    /// <summary>The metadata, never <see langword="null"/>.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Metadata { get; init; } = Metadata ?? new Dictionary<string, JsonNode?>();
}
