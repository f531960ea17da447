namespace Medallion.Testing;

/// <summary>
/// Lets N concurrent tasks start a step together without blocking pool threads (a blocking
/// <see cref="Barrier"/> in eight tasks on two cores starves the thread pool for seconds).
/// </summary>
public sealed class AsyncBarrier(int participants)
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    public Task SignalAndWaitAsync()
    {
        if (Interlocked.Increment(ref _arrived) == participants)
        {
            _released.SetResult();
        }

        return _released.Task;
    }
}
