using Medallion.Jobs.Config;

namespace Medallion.Jobs.Init;

/// <summary>One field of the sample: where bronze finds it and, for Parquet, the type the file stores.</summary>
/// <param name="Field">The CSV header, the JSON path (<c>a.b</c> for nested objects) or the Parquet column.</param>
/// <param name="Column">The VARCHAR column of <c>init_sample</c> holding its values as text.</param>
/// <param name="StoredType">The type a Parquet file declares (null for text, which is inferred from the values).</param>
/// <param name="Note">Why the type is what it is when the values do not say (a nested list kept as JSON text).</param>
internal sealed record SampleField(string Field, string Column, ColumnType? StoredType, string? Note = null);
