namespace Medallion.Jobs.Init;

/// <summary>The dataset YAML <see cref="DatasetInit"/> wrote, and what it was inferred from.</summary>
/// <param name="Yaml">The file's text.</param>
/// <param name="SampledRows">How many rows the types were inferred from.</param>
/// <param name="Columns">How many columns it declares.</param>
/// <param name="PrimaryKey">The suggested primary key column, or null when no column was unique and never null.</param>
public sealed record InitDraft(string Yaml, long SampledRows, int Columns, string? PrimaryKey);
