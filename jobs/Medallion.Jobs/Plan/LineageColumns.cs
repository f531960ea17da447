namespace Medallion.Jobs.Plan;

/// <summary>
/// Columns Medallion adds to every table. Their names start with an underscore, which dataset
/// column names may not, so they can never collide with data.
/// </summary>
internal static class LineageColumns
{
    public const string RunKey = "_run_key";
    public const string SourceFile = "_source_file";
    public const string IngestedAt = "_ingested_at";
    public const string IngestDate = "_ingest_date";

    /// <summary>The record's position in the run's input (files in name order, then record order).</summary>
    public const string RecordNumber = "_record_number";

    /// <summary>Why a record could not be read or typed; null for good records.</summary>
    public const string Malformed = "_malformed";

    /// <summary>The record's original text when it is malformed.</summary>
    public const string Raw = "_raw";

    /// <summary>In quarantine: the name of every rule the row broke.</summary>
    public const string RuleFailures = "_rule_failures";

    /// <summary>
    /// In silver (the last column): the name of every <c>warn</c> rule the row broke, an empty array
    /// when none, so analysts can filter on it.
    /// </summary>
    public const string Warnings = "_warnings";

    /// <summary>The rule name a malformed record is quarantined under.</summary>
    public const string MalformedRule = "malformed";
}
