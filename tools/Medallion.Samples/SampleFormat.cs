namespace Medallion.Samples;

/// <summary>The file format a sample is written in.</summary>
public enum SampleFormat
{
    /// <summary>The dataset's own format: CSV for <c>mortgage_transactions</c>, JSON arrays for <c>wordpress_api</c>.</summary>
    Default,

    /// <summary>
    /// Newline-delimited JSON (one object per line), for <c>mortgage_transactions</c> only:
    /// <c>transactions.ndjson</c>, for benchmarking the JSON reader on the same rows.
    /// </summary>
    Ndjson,
}
