namespace Medallion.Aws.Emr;

/// <summary>The states of an EMR Serverless job run (the model's <c>JobRunState</c> enum).</summary>
public enum EmrJobRunState
{
    Submitted,
    Pending,
    Scheduled,
    Queued,
    Running,
    Success,
    Failed,
    Cancelling,
    Cancelled,
}
