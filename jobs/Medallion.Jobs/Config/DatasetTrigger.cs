namespace Medallion.Jobs.Config;

/// <summary>
/// <c>trigger:</c> of a dataset: what, besides its <c>schedule:</c> and a person, starts a run of
/// it in a deployed environment.
/// </summary>
public enum DatasetTrigger
{
    /// <summary>No event starts a run (the default).</summary>
    None,

    /// <summary>
    /// <c>trigger: s3</c>: an object landing under the dataset's raw prefix starts a run of exactly
    /// that object (an EventBridge rule on S3 <c>Object Created</c>, rendered by <c>medallion deploy render</c>).
    /// </summary>
    S3,
}
