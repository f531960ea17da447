namespace Medallion.Jobs.Config.Transforms;

/// <summary>One <c>column: type</c> entry of <see cref="CastTransform"/>.</summary>
public sealed record ColumnCast(string Column, ColumnType Type);
