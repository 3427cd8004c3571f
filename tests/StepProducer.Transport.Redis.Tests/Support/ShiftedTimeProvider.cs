namespace StepProducer.Transport.Redis.Tests.Support;

/// <summary>
/// The system clock moved ahead by hand: wall clock and monotonic timestamp both jump by <see cref="Shift"/>,
/// while timers (Task.Delay) still run on real time. A test can then pass a 10 s interval without waiting 10 s.
/// </summary>
public sealed class ShiftedTimeProvider : TimeProvider
{
    private long shiftTicks;

    public override long TimestampFrequency => System.TimestampFrequency;

    public void Shift(TimeSpan by) => Interlocked.Add(ref shiftTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Volatile.Read(ref shiftTicks));

    public override long GetTimestamp() =>
        System.GetTimestamp() + (long)(TimeSpan.FromTicks(Volatile.Read(ref shiftTicks)).TotalSeconds * System.TimestampFrequency);
}
