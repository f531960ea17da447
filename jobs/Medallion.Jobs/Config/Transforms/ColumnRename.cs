namespace Medallion.Jobs.Config.Transforms;

/// <summary>One <c>old: new</c> entry of <see cref="RenameTransform"/>.</summary>
public sealed record ColumnRename(string From, string To);
