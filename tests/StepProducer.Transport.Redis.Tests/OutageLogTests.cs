using Microsoft.Extensions.Time.Testing;
using StepProducer.Transport.Redis.Tests.Support;

namespace StepProducer.Transport.Redis.Tests;

public sealed class OutageLogTests
{
    [Fact]
    public void Failed_ManyTimesOverThreeMinutes_OneWarningThenOneReminderPerMinuteThenOneRecovery()
    {
        var time = new FakeTimeProvider();
        var logger = new ListLogger();
        var outage = new OutageLog(logger, time, "redis:6379");

        // A failed attempt every 5 s for 3 minutes: 36 failures.
        for (var attempt = 0; attempt < 36; attempt++)
        {
            outage.Failed(new TimeoutException("timed out"), TimeSpan.FromSeconds(5));
            time.Advance(TimeSpan.FromSeconds(5));
        }

        outage.Recovered();
        outage.Recovered();

        Assert.Equal([5000, 5001, 5001, 5002], logger.Entries.Select(entry => entry.Id.Id));
        Assert.Contains("180 s", logger.Entries[^1].Message);
    }

    [Fact]
    public void Backoff_DoublesUpToTheMaximumAndResets()
    {
        var backoff = new RetryBackoff(TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(3000));
        var delays = Enumerable.Range(0, 5).Select(_ => backoff.NextDelay().TotalMilliseconds).ToArray();
        backoff.Reset();

        Assert.Equal([500, 1000, 2000, 3000, 3000], delays);
        Assert.Equal(500, backoff.NextDelay().TotalMilliseconds);
    }
}
