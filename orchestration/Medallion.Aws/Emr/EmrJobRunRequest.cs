namespace Medallion.Aws.Emr;

/// <summary>A Spark job run to start (the parts of <c>StartJobRun</c> Medallion uses).</summary>
/// <param name="ApplicationId">The EMR Serverless application.</param>
/// <param name="ClientToken">Idempotency token, 1–64 of <c>[A-Za-z0-9._-]</c>: a retried start with the same token starts nothing new.</param>
/// <param name="ExecutionRoleArn">The role the job runs as.</param>
/// <param name="Name">The job run name shown in the console.</param>
/// <param name="EntryPoint">The Spark entry point: the microsoft-spark jar.</param>
/// <param name="EntryPointArguments">Arguments to the entry point.</param>
/// <param name="SparkSubmitParameters">e.g. <c>--class … --conf …</c>.</param>
/// <param name="LogUri">Where the driver and executor logs go, or null for EMR's managed storage only.</param>
/// <param name="ExecutionTimeoutMinutes">EMR cancels the run past this; 720 (EMR's default) when null.</param>
public sealed record EmrJobRunRequest(
    string ApplicationId,
    string ClientToken,
    string ExecutionRoleArn,
    string Name,
    string EntryPoint,
    IReadOnlyList<string> EntryPointArguments,
    string SparkSubmitParameters,
    string? LogUri = null,
    int? ExecutionTimeoutMinutes = null);
