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
    private const long MillisecondsPerDay = 86_400_000;
    private readonly TimeProvider _time;
    private readonly int _leapSeconds;
    private readonly long _origin;
    private long _offsetDay = -1;
    private long _offsetMilliseconds;

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

    /// <summary>
    /// Now as TimestampIts, clamped to the TimestampIts range so that timers keep running when the wall
    /// clock is wrong (an RSU that booted before it got its time); requests use <see cref="TryNowIts"/>.
    /// </summary>
    public long NowIts()
    {
        var unixMilliseconds = _time.GetUtcNow().ToUnixTimeMilliseconds();
        return TryToIts(unixMilliseconds, out var timestampIts) ? timestampIts
            : unixMilliseconds < ItsTimestamp.UnixMillisecondsAtItsEpoch ? 0 : ItsTimestamp.MaxValue;
    }

    /// <summary>Now as TimestampIts; false (with the wall clock reading) when the clock is outside its range.</summary>
    public bool TryNowIts(out long timestampIts, out DateTimeOffset wallClock)
    {
        wallClock = _time.GetUtcNow();
        return TryToIts(wallClock.ToUnixTimeMilliseconds(), out timestampIts);
    }

    public bool TryToIts(DateTimeOffset instant, out long timestampIts) => TryToIts(instant.ToUnixTimeMilliseconds(), out timestampIts);

    private bool TryToIts(long unixMilliseconds, out long timestampIts)
    {
        // TimestampIts ends 2^42 - 1 ms after 2004 (in 2143); leap seconds shift that by seconds, so the last
        // day is refused rather than risk ItsTimestamp's range exception.
        var sinceEpoch = unixMilliseconds - ItsTimestamp.UnixMillisecondsAtItsEpoch;
        if (sinceEpoch < 0 || sinceEpoch > ItsTimestamp.MaxValue - MillisecondsPerDay)
        {
            timestampIts = 0;
            return false;
        }

        // A leap second is only ever inserted at the end of a UTC day (ITU-R TF.460-6), so the leap-second
        // offset is constant within a day: ask ItsTimestamp once per day, not for every DENM.
        var day = unixMilliseconds / MillisecondsPerDay;
        if (day != _offsetDay)
        {
            _offsetDay = day;
            _offsetMilliseconds = ItsTimestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds), _leapSeconds) - unixMilliseconds;
        }

        timestampIts = unixMilliseconds + _offsetMilliseconds;
        return true;
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
