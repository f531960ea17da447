namespace Medallion.Aws.Http;

/// <summary>
/// Exponential backoff with full jitter (delay drawn from 0 to min(cap, base·2^attempt)), the
/// scheme AWS recommends so that many throttled clients do not retry in step.
/// </summary>
/// <param name="MaxAttempts">Attempts in all, the first included; 5 by default.</param>
/// <param name="BaseDelay">The first backoff ceiling; 200 ms by default.</param>
/// <param name="MaxDelay">The largest backoff ceiling; 20 s by default.</param>
public sealed record AwsRetryPolicy(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    public static AwsRetryPolicy Default { get; } = new(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(20));

    /// <summary>The delay before retry number <paramref name="attempt"/> (1 for the first retry).</summary>
    public TimeSpan DelayBefore(int attempt, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(random.NextDouble() * ceiling);
    }

    /// <summary>Runs <paramref name="action"/>, retrying transient <see cref="MedallionException"/>s.</summary>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> action, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action(cancellationToken);
            }
            catch (MedallionException failure) when (failure.IsTransient && attempt < MaxAttempts)
            {
                await Task.Delay(DelayBefore(attempt, Random.Shared), clock, cancellationToken);
            }
        }
    }
}
