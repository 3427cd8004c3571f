using StepProducer.Encoding.Its;

namespace StepProducer.Encoding.Tests.Its;

/// <summary>
/// TimestampIts ↔ DateTimeOffset: unix_ms − 1072915200000 + 1000 × leap seconds inserted since 2004 (ends of
/// 2005-12, 2008-12, 2012-06, 2015-06, 2016-12), the count after the table being a parameter.
/// </summary>
public class ItsTimestampTests
{
    [Theory]
    // The CDD's own example (TS 102 894-2, TimestampIts): one leap second, end of 2005.
    [InlineData("2007-01-01T00:00:00Z", 94_694_401_000)]
    [InlineData("2004-01-01T00:00:00Z", 0)]
    [InlineData("2005-12-31T23:59:59.999Z", 63_158_399_999)]
    [InlineData("2006-01-01T00:00:00Z", 63_158_401_000)]
    [InlineData("2009-01-01T00:00:00Z", 157_852_802_000)]
    [InlineData("2012-07-01T00:00:00Z", 268_185_603_000)]
    [InlineData("2015-07-01T00:00:00Z", 362_793_604_000)]
    [InlineData("2016-12-31T23:59:59Z", 410_313_603_000)]
    [InlineData("2017-01-01T00:00:00Z", 410_313_605_000)]
    [InlineData("2026-11-28T07:00:00Z", 722_934_005_000)]
    public void BothDirections_CountTheLeapSecondsOfTheTable(string instant, long timestampIts)
    {
        var time = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(timestampIts, ItsTimestamp.FromDateTimeOffset(time));
        Assert.Equal(time, ItsTimestamp.ToDateTimeOffset(timestampIts));
    }

    [Fact]
    public void LeapSecondsAfterTheTable_IsAParameter()
    {
        var instant = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var withFive = ItsTimestamp.FromDateTimeOffset(instant);

        var withSix = ItsTimestamp.FromDateTimeOffset(instant, leapSecondsAfterTable: 6);

        Assert.Equal(withFive + 1000, withSix);
        Assert.Equal(instant, ItsTimestamp.ToDateTimeOffset(withSix, leapSecondsAfterTable: 6));
    }

    [Fact]
    public void InsertedSecond_MapsOntoTheSecondBefore()
    {
        // 2005-12-31T23:59:60.500Z exists in TimestampIts, not in DateTimeOffset: it reads as 23:59:59.500.
        var insideLeapSecond = 63_158_400_500;

        Assert.Equal(new DateTimeOffset(2005, 12, 31, 23, 59, 59, 500, TimeSpan.Zero), ItsTimestamp.ToDateTimeOffset(insideLeapSecond));
    }

    [Fact]
    public void EveryHourFrom2004To2030_RoundTrips()
    {
        // About 228 000 instants, a bounded walk across every table entry.
        var start = new DateTimeOffset(2004, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var end = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var instant = start; instant < end; instant = instant.AddHours(1).AddMilliseconds(1))
        {
            Assert.Equal(instant, ItsTimestamp.ToDateTimeOffset(ItsTimestamp.FromDateTimeOffset(instant)));
        }
    }

    [Fact]
    public void Before2004_IsOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ItsTimestamp.FromDateTimeOffset(new DateTimeOffset(2003, 12, 31, 23, 59, 59, TimeSpan.Zero)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ItsTimestamp.ToDateTimeOffset(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ItsTimestamp.ToDateTimeOffset(ItsTimestamp.MaxValue + 1));
    }
}
