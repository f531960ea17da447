namespace Medallion.Samples;

/// <summary>
/// One file a sample generator wrote, what is wrong in it, and what a correct run of the
/// committed dataset YAML must report for it. Counts are known by construction, not measured.
/// </summary>
/// <param name="Table">The dataset table the file feeds.</param>
/// <param name="FileName">The file name inside the output folder.</param>
/// <param name="Bytes">The file's size in bytes.</param>
/// <param name="BadRowsWritten">Bad records written, per kind (e.g. <c>bad_amount</c>); a kind with two problems counts once, under its own name.</param>
/// <param name="RowsRead">Records a run reads, malformed ones included (a CSV header is not a record).</param>
/// <param name="SilverRows">Records that reach silver.</param>
/// <param name="QuarantinedRows">Records sent to quarantine.</param>
/// <param name="DuplicatesRemoved">Records removed by the <c>deduplicate</c> transform.</param>
/// <param name="FilteredRows">Records removed by <c>filter</c> transforms.</param>
/// <param name="RuleFailures">Quarantined records per rule name (<c>malformed</c>, <c>cast_x</c>, …); a record that breaks two rules counts under both.</param>
/// <param name="RowsWithMultipleFailures">Quarantined records that break more than one rule.</param>
public sealed record SampleTableResult(
    string Table,
    string FileName,
    long Bytes,
    IReadOnlyDictionary<string, long> BadRowsWritten,
    long RowsRead,
    long SilverRows,
    long QuarantinedRows,
    long DuplicatesRemoved,
    long FilteredRows,
    IReadOnlyDictionary<string, long> RuleFailures,
    long RowsWithMultipleFailures);
