namespace Medallion.Aws.StepFunctions;

/// <summary>What <c>DescribeExecution</c> says about a state machine execution.</summary>
/// <param name="Status">The model's <c>ExecutionStatus</c>: RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED or PENDING_REDRIVE.</param>
/// <param name="Error">The error name of a failed execution, or null.</param>
/// <param name="Cause">The cause of a failed execution, or null.</param>
public sealed record SfnExecution(string ExecutionArn, string StateMachineArn, string Name, string Status, DateTimeOffset StartDate, string? Error, string? Cause);
