namespace Medallion.Jobs.Engine;

/// <summary>What one layer run of one table did; the counts reconcile exactly.</summary>
/// <param name="RowsRead">Records read: bronze counts raw records (malformed ones included); silver counts the run's bronze rows.</param>
/// <param name="RuleFailures">Rows that broke each rule (a row that broke two counts under both), by rule name.</param>
/// <param name="DeltaVersion">The version of the table the layer committed.</param>
public sealed record LayerResult(
    string Layer,
    string TablePath,
    long RowsRead,
    long RowsWritten,
    long Quarantined,
    long DuplicatesRemoved,
    long Filtered,
    long Malformed,
    IReadOnlyDictionary<string, long> RuleFailures,
    long DeltaVersion,
    int FilesWritten,
    TimeSpan Elapsed,
    long? QuarantineDeltaVersion = null,
    string? QuarantinePath = null)
{
    /// <summary>True when read = written + quarantined + duplicates removed + filtered.</summary>
    public bool Reconciles => RowsRead == RowsWritten + Quarantined + DuplicatesRemoved + Filtered;
}
