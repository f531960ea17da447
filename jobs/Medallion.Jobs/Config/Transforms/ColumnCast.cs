using Medallion.Jobs.Config.Casting;

namespace Medallion.Jobs.Config.Transforms;

/// <summary>One <c>column: type</c> (or <c>column: { type: …, format: … }</c>) entry of <see cref="CastTransform"/>.</summary>
public sealed record ColumnCast(string Column, ColumnType Type)
{
    /// <summary>How text becomes <see cref="Type"/>: formats, rounding, separators, boolean words.</summary>
    public CastOptions Options { get; init; } = CastOptions.Default;
}
