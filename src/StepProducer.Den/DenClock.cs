using StepProducer.Encoding.Its;

namespace StepProducer.Den;

/// <summary>
/// The service's two clocks from one <see cref="TimeProvider"/>: the monotonic timestamp, which drives every
/// timer (so stepping the wall clock neither fires nor stalls them), and the wall clock, which gives the
/// TimestampIts written into DENMs. Deadlines that come from DENM times (validity ends at detectionTime +
/// validityDuration) are converted once, at scheduling time, into a monotonic timestamp.
/// </summary>
internal sealed class DenClock
{
    private const long MillisecondsPerSecond = 1000;
    private readonly TimeProvider _time;
    private readonly int _leapSeconds;
    private readonly long _origin;

    public DenClock(TimeProvider time, int leapSeconds, int tickMilliseconds)
    {
        _time = time;
        _leapSeconds = leapSeconds;
        _origin = time.GetTimestamp();
        TimestampsPerMillisecond = time.TimestampFrequency / (double)MillisecondsPerSecond;
        TimestampsPerTick = Math.Max(1, (long)(TimestampsPerMillisecond * tickMilliseconds));
    }

    public double TimestampsPerMillisecond { get; }

    public long TimestampsPerTick { get; }

    public long Timestamp() => _time.GetTimestamp();

    /// <summary>Now as TimestampIts; the wall clock is checked to be at or after 2004 by the caller's validation.</summary>
    public long NowIts() => ItsTimestamp.FromDateTimeOffset(_time.GetUtcNow(), _leapSeconds);

    public bool TryToIts(DateTimeOffset instant, out long timestampIts)
    {
        if (instant.ToUnixTimeMilliseconds() < ItsTimestamp.UnixMillisecondsAtItsEpoch)
        {
            timestampIts = 0;
            return false;
        }

        timestampIts = ItsTimestamp.FromDateTimeOffset(instant, _leapSeconds);
        return timestampIts <= ItsTimestamp.MaxValue;
    }

    public long AddMilliseconds(long timestamp, long milliseconds) => timestamp + (long)(milliseconds * TimestampsPerMillisecond);

    /// <summary>The monotonic timestamp of a wall-clock instant, relative to a simultaneous pair of readings.</summary>
    public long ItsToTimestamp(long timestampIts, long nowIts, long nowTimestamp) => AddMilliseconds(nowTimestamp, timestampIts - nowIts);

    public long TimestampToIts(long timestamp, long nowIts, long nowTimestamp) =>
        nowIts + (long)Math.Round((timestamp - nowTimestamp) / TimestampsPerMillisecond);

    /// <summary>The tick that has fully passed at <paramref name="timestamp"/>.</summary>
    public long TickAt(long timestamp) => Math.Max(0, (timestamp - _origin) / TimestampsPerTick);

    /// <summary>The first tick at or after <paramref name="timestamp"/>, so a timer never fires early.</summary>
    public long TickAtOrAfter(long timestamp)
    {
        var elapsed = timestamp - _origin;
        return elapsed <= 0 ? 0 : (elapsed + TimestampsPerTick - 1) / TimestampsPerTick;
    }
}
