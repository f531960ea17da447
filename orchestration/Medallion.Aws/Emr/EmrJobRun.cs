namespace Medallion.Aws.Emr;

/// <summary>What <c>GetJobRun</c> (or <c>StartJobRun</c>, with state <see cref="EmrJobRunState.Submitted"/>) says about a run.</summary>
/// <param name="StateDetails">EMR's explanation (for failures, the reason); empty when none.</param>
public sealed record EmrJobRun(string ApplicationId, string JobRunId, string Arn, EmrJobRunState State, string StateDetails);
