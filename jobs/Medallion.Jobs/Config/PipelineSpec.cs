namespace Medallion.Jobs.Config;

/// <summary>
/// <c>aws.pipeline</c>: how the deployed pipeline and <c>medallion submit</c> run an environment's
/// jobs, and the guards around them. Every value has a default, so the block is optional.
/// </summary>
/// <param name="BronzeTimeoutMinutes">EMR cancels a bronze job run past this (<c>executionTimeoutMinutes</c>); 240 by default, 1 to 10080.</param>
/// <param name="SilverTimeoutMinutes">The same for silver; 240 by default.</param>
/// <param name="PromoteTimeoutMinutes">The same for the validate-and-promote job; 60 by default.</param>
/// <param name="JobRetries">How often the state machine starts a failed bronze or silver job run again (a new job run each time); 1 by default, 0 to 3. Promotion is never retried: a rejected validation fails the same way twice.</param>
/// <param name="MaxVcpu">The EMR application's <c>MaximumCapacity</c> CPU, in vCPU; 400 by default.</param>
/// <param name="MaxMemoryGb">Its memory, in GB; 3000 by default.</param>
/// <param name="MaxDiskGb">Its disk, in GB; 20000 by default.</param>
/// <param name="IdleTimeoutMinutes">The application stops after this long without jobs; 15 by default, 1 to 10080.</param>
/// <param name="LogLevel">The state machine's CloudWatch Logs level: <c>ALL</c>, <c>ERROR</c> (default), <c>FATAL</c> or <c>OFF</c>.</param>
/// <param name="LogRetentionDays">How long its log group keeps events; 90 by default (a CloudWatch Logs retention value).</param>
/// <param name="NotifySuccess">Whether a successful run publishes its per-table counts to the success topic; false by default.</param>
/// <param name="AthenaScanLimitGb">The Athena workgroup's bytes-scanned cutoff per query, in GB; 100 by default.</param>
/// <param name="AnalystPolicy">Whether the template creates a read-only managed policy for analysts; false by default.</param>
/// <param name="EventRunLimit">
/// How many executions of the environment's state machine may be running for an execution an S3
/// event started to go on; beyond it the event's execution ends at once as deferred (the object
/// stays in raw and the dataset's next run without <c>--object</c> ingests it). 4 by default, 1 to 999.
/// </param>
public sealed record PipelineSpec(
    int BronzeTimeoutMinutes = 240,
    int SilverTimeoutMinutes = 240,
    int PromoteTimeoutMinutes = 60,
    int JobRetries = 1,
    int MaxVcpu = 400,
    int MaxMemoryGb = 3000,
    int MaxDiskGb = 20000,
    int IdleTimeoutMinutes = 15,
    string LogLevel = "ERROR",
    int LogRetentionDays = 90,
    bool NotifySuccess = false,
    int AthenaScanLimitGb = 100,
    bool AnalystPolicy = false,
    int EventRunLimit = 4)
{
    public static PipelineSpec Default { get; } = new();

    /// <summary>The state machine log levels Step Functions accepts.</summary>
    public static IReadOnlyList<string> LogLevels { get; } = ["ALL", "ERROR", "FATAL", "OFF"];

    /// <summary>The retention periods CloudWatch Logs accepts, in days.</summary>
    public static IReadOnlyList<int> RetentionDays { get; } =
        [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];
}
