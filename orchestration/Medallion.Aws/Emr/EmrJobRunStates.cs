namespace Medallion.Aws.Emr;

/// <summary>Maps the wire names of <see cref="EmrJobRunState"/> and says which states end a run.</summary>
public static class EmrJobRunStates
{
    private static readonly Dictionary<string, EmrJobRunState> ByWireName = new(StringComparer.Ordinal)
    {
        ["SUBMITTED"] = EmrJobRunState.Submitted,
        ["PENDING"] = EmrJobRunState.Pending,
        ["SCHEDULED"] = EmrJobRunState.Scheduled,
        ["QUEUED"] = EmrJobRunState.Queued,
        ["RUNNING"] = EmrJobRunState.Running,
        ["SUCCESS"] = EmrJobRunState.Success,
        ["FAILED"] = EmrJobRunState.Failed,
        ["CANCELLING"] = EmrJobRunState.Cancelling,
        ["CANCELLED"] = EmrJobRunState.Cancelled,
    };

    /// <summary>The wire names this build understands, for the model check.</summary>
    public static IReadOnlyCollection<string> WireNames => ByWireName.Keys;

    /// <exception cref="MedallionException">A state this build does not know (a newer API); not transient.</exception>
    public static EmrJobRunState Parse(string wireName) =>
        ByWireName.TryGetValue(wireName, out var state)
            ? state
            : throw new MedallionException(
                $"EMR Serverless reported job run state '{wireName}', which this build does not know (it knows {string.Join(", ", ByWireName.Keys)}).");

    /// <summary>True for the states a run never leaves: success, failed, cancelled.</summary>
    public static bool IsTerminal(this EmrJobRunState state) =>
        state is EmrJobRunState.Success or EmrJobRunState.Failed or EmrJobRunState.Cancelled;
}
