using Medallion.Orchestration.Ledger;

namespace Medallion.Orchestration.Tracing;

/// <summary>
/// What ran a run outside Medallion's own files: the Step Functions execution and state machine,
/// and the EMR Serverless job run of each step. The launcher knows these (the state machine passes
/// them to the promote step, <c>medallion submit</c> collects them as it starts the jobs); the gate
/// writes them into each table's <c>_run.json</c> before validating, so the promotion's
/// <c>commitInfo</c>, <c>_LATEST.json</c> and the run history carry them too.
/// </summary>
/// <param name="ExecutionArn">The execution's ARN (<c>$$.Execution.Id</c>), or null.</param>
/// <param name="StateMachine">The state machine's name (<c>$$.StateMachine.Name</c>), or null.</param>
/// <param name="JobRunIds">The EMR Serverless job run of each step, by step name (<c>bronze</c>, <c>silver</c>).</param>
public sealed record RunTrace(string? ExecutionArn, string? StateMachine, IReadOnlyDictionary<string, string> JobRunIds)
{
    /// <summary>True when there is nothing to record.</summary>
    public bool IsEmpty => ExecutionArn is null && StateMachine is null && JobRunIds.Count == 0;

    /// <summary>
    /// The entry with this trace recorded: job run ids merged over the ones it had (a step run
    /// again under the same key has a new job run), execution and state machine replaced when given.
    /// </summary>
    public RunLedgerEntry ApplyTo(RunLedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var jobRuns = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (step, id) in (entry.EmrJobRunIds ?? new Dictionary<string, string>()).Concat(JobRunIds))
        {
            jobRuns[step] = id;
        }

        return entry with
        {
            EmrJobRunIds = jobRuns.Count == 0 ? null : jobRuns,
            ExecutionArn = ExecutionArn ?? entry.ExecutionArn,
            StateMachine = StateMachine ?? entry.StateMachine,
        };
    }
}
