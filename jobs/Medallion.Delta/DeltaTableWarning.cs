namespace Medallion.Delta;

/// <summary>Something went wrong that did not fail the operation (e.g. a checkpoint after a successful commit).</summary>
/// <param name="Location">The table, as the store describes it (<c>s3://…</c> or a local path).</param>
/// <param name="Version">The table version the warning is about.</param>
/// <param name="Message">What happened and what it means for readers.</param>
/// <param name="Exception">The failure behind the warning.</param>
public sealed record DeltaTableWarning(string Location, long Version, string Message, Exception? Exception);
