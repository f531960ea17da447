namespace Medallion.Delta;

/// <summary>A <c>txn</c> action: the last version an application committed (publish-once markers).</summary>
internal sealed record AppTransaction(string AppId, long Version, long? LastUpdated);
