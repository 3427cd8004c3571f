namespace StepProducer.Encoding.Its;

/// <summary>
/// Conversion between ASN.1 <c>TimestampIts</c> (TS 102 894-2 v1.3.1 and v2.2.1: INTEGER (0..4398046511103),
/// milliseconds since 2004-01-01T00:00:00.000Z counting leap seconds) and <see cref="DateTimeOffset"/>
/// (which, like Unix time, does not count them).
/// </summary>
/// <remarks>
/// TimestampIts = unix_ms − 1072915200000 + 1000 × (leap seconds inserted between 2004 and the instant).
/// The CDD's own example: 2007-01-01T00:00:00Z → 94694401000 (one leap second, end of 2005).
/// </remarks>
public static class ItsTimestamp
{
    /// <summary>Unix milliseconds of the ITS epoch 2004-01-01T00:00:00Z.</summary>
    public const long UnixMillisecondsAtItsEpoch = 1_072_915_200_000;

    /// <summary>Largest TimestampIts, the upper bound of its INTEGER constraint (2^42 − 1).</summary>
    public const long MaxValue = 4_398_046_511_103;

    /// <summary>Leap seconds inserted after 2004 up to the last entry of the table (end of 2016).</summary>
    public const int DefaultLeapSecondsAfterTable = 5;

    private const long MillisecondsPerSecond = 1000;

    // The first instant (Unix ms) after each leap second inserted since 2004 (IERS Bulletin C): the ends of
    // 2005-12, 2008-12, 2012-06, 2015-06 and 2016-12.
    private static ReadOnlySpan<long> UnixMillisecondsAfterLeapSecond =>
    [
        1_136_073_600_000, // 2006-01-01T00:00:00Z
        1_230_768_000_000, // 2009-01-01T00:00:00Z
        1_341_100_800_000, // 2012-07-01T00:00:00Z
        1_435_708_800_000, // 2015-07-01T00:00:00Z
        1_483_228_800_000, // 2017-01-01T00:00:00Z
    ];

    /// <summary>Converts an instant to TimestampIts.</summary>
    /// <param name="instant">An instant at or after 2004-01-01T00:00:00Z.</param>
    /// <param name="leapSecondsAfterTable">
    /// The leap-second count for instants after the table's last entry (2017-01-01): 5 unless a leap second
    /// was inserted after 2016, so a new one needs configuration, not a new build.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">The instant is before 2004 or past the TimestampIts range.</exception>
    public static long FromDateTimeOffset(DateTimeOffset instant, int leapSecondsAfterTable = DefaultLeapSecondsAfterTable)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leapSecondsAfterTable);
        var unixMilliseconds = instant.ToUnixTimeMilliseconds();
        var timestamp = unixMilliseconds - UnixMillisecondsAtItsEpoch
            + (MillisecondsPerSecond * LeapSecondsAtUnixTime(unixMilliseconds, leapSecondsAfterTable));
        if (unixMilliseconds < UnixMillisecondsAtItsEpoch || timestamp > MaxValue)
        {
            throw new ArgumentOutOfRangeException(
                nameof(instant), instant, "TimestampIts covers 2004-01-01T00:00:00Z .. 0..4398046511103 ms after it");
        }

        return timestamp;
    }

    /// <summary>Converts TimestampIts to an instant.</summary>
    /// <remarks>
    /// An inserted second (23:59:60) has no <see cref="DateTimeOffset"/>; its milliseconds map onto 23:59:59,
    /// as POSIX time does, so the mapping from TimestampIts is monotonic but not one-to-one there.
    /// </remarks>
    /// <param name="timestampIts">0..4398046511103.</param>
    /// <param name="leapSecondsAfterTable">See <see cref="FromDateTimeOffset"/>.</param>
    public static DateTimeOffset ToDateTimeOffset(long timestampIts, int leapSecondsAfterTable = DefaultLeapSecondsAfterTable)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(timestampIts);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(timestampIts, MaxValue);
        ArgumentOutOfRangeException.ThrowIfNegative(leapSecondsAfterTable);
        var table = UnixMillisecondsAfterLeapSecond;
        var leapSeconds = 0;
        for (var index = 0; index < table.Length; index++)
        {
            // The first instant after leap second k = index + 1 is, in TimestampIts, its Unix time plus k
            // seconds; the inserted second itself starts 1 s earlier. From there on k seconds are counted.
            var insertedSecondStart = table[index] - UnixMillisecondsAtItsEpoch + (MillisecondsPerSecond * index);
            if (timestampIts < insertedSecondStart)
            {
                break;
            }

            leapSeconds = index + 1;
        }

        if (leapSeconds == table.Length)
        {
            leapSeconds = leapSecondsAfterTable;
        }

        var unixMilliseconds = timestampIts + UnixMillisecondsAtItsEpoch - (MillisecondsPerSecond * leapSeconds);
        return DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);
    }

    private static int LeapSecondsAtUnixTime(long unixMilliseconds, int leapSecondsAfterTable)
    {
        var table = UnixMillisecondsAfterLeapSecond;
        if (unixMilliseconds >= table[^1])
        {
            return leapSecondsAfterTable;
        }

        var count = 0;
        while (count < table.Length && unixMilliseconds >= table[count])
        {
            count++;
        }

        return count;
    }
}
