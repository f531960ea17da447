namespace Medallion.Aws.Emr;

/// <summary>
/// Polls a job run until it ends, backing off from <see cref="FirstPoll"/> to <see cref="MaxPoll"/>
/// (Spark jobs take minutes; polling every second would only spend API quota). When the caller
/// cancels (Ctrl+C), the job run is cancelled too, so nothing keeps running unwatched.
/// </summary>
public sealed class JobRunWaiter(IEmrServerlessClient client, TimeProvider clock)
{
    public TimeSpan FirstPoll { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxPoll { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Returns the run in its terminal state; <paramref name="onChange"/> sees every new state.</summary>
    /// <exception cref="OperationCanceledException">The caller cancelled; the job run was asked to cancel first.</exception>
    public async Task<EmrJobRun> WaitAsync(EmrJobRun run, Action<EmrJobRun>? onChange = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var delay = FirstPoll;
        var last = run.State;
        try
        {
            while (true)
            {
                var current = await client.GetJobRunAsync(run.ApplicationId, run.JobRunId, cancellationToken);
                if (current.State != last)
                {
                    onChange?.Invoke(current);
                    last = current.State;
                }

                if (current.State.IsTerminal())
                {
                    return current;
                }

                await Task.Delay(delay, clock, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(MaxPoll.Ticks, (long)(delay.Ticks * 1.5)));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller's token is already cancelled; the cancel call must still go out.
            await client.CancelJobRunAsync(run.ApplicationId, run.JobRunId, CancellationToken.None);
            throw;
        }
    }
}
