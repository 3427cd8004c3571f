namespace StepProducer.Transport.Redis;

/// <summary>
/// Exponential back-off between reconnect attempts: <c>retryIntervalMs</c>, doubling up to
/// <c>maxRetryIntervalMs</c>, back to the start after a success.
/// </summary>
public sealed class RetryBackoff
{
    private readonly TimeSpan initial;
    private readonly TimeSpan maximum;
    private TimeSpan next;

    public RetryBackoff(TimeSpan initial, TimeSpan maximum)
    {
        this.initial = initial;
        this.maximum = maximum;
        next = initial;
    }

    /// <summary>The delay before the next attempt; each call doubles the one after, up to the maximum.</summary>
    public TimeSpan NextDelay()
    {
        var delay = next;
        next = next * 2 > maximum ? maximum : next * 2;
        return delay;
    }

    public void Reset() => next = initial;
}
