using Microsoft.Extensions.Logging.Abstractions;
using StepProducer.Host.Configuration;
using StepProducer.Host.Lifecycle;
using StepProducer.Host.Redis;
using StepProducer.Transport.Redis.Tests.Support;
using TestConfig = StepProducer.Transport.Redis.Tests.Support.ProducerConfig;

namespace StepProducer.Transport.Redis.Tests;

/// <summary>
/// The counters line (HostLog event 1001, issue 4) in Redis mode: the host's composition of the producer
/// (<see cref="RedisMode.CreateProducer"/>) in-process against a real redis-server, on a clock the test moves
/// ahead by 10 s instead of waiting.
/// </summary>
public sealed class CountersLogTests : RedisServerTest
{
    private const int CountersEventId = 1001;

    [Fact]
    public async Task RedisMode_LogsTheCommittedCountersOncePerTenSecondsOfItsClock()
    {
        var testConfig = new TestConfig(Server);
        // Nothing expires while the clock jumps, so the active entries are known at each line.
        testConfig.Den["validityDurationS"] = 60;
        var config = ConfigLoader.Load(testConfig.Write(WorkDirectory));
        var hostLog = new ListLogger();
        var clock = new ShiftedTimeProvider();
        var options = RedisMode.ToTransportOptions(config, 1234, configFile: null, hostLog);
        using var producer = RedisMode.CreateProducer(options, config, 1234, NullLoggerFactory.Instance, hostLog, new ServiceNotifications(), clock);
        using var stop = new CancellationTokenSource();
        var running = producer.RunAsync(stop.Token);
        try
        {
            await WaitForGroupAsync();
            await Streams.AddEventAsync(Database, CloudEvents.Collision(1001, 2002));
            await Streams.AddEventAsync(Database, CloudEvents.Collision(3003, 4004));
            await Streams.AddEventAsync(Database, CloudEvents.Collision(5005, 6006));
            await Database.StreamAddAsync(TestConfig.Events, "not-event", "x");
            await Streams.WaitForOutputAsync(Database, records => records.Count == 3);
            await ScenarioTests.WaitUntilAsync(async () => await Database.StreamLengthAsync(TestConfig.DeadLetter) == 1);

            clock.Shift(TimeSpan.FromSeconds(10));
            var first = await WaitForCountersAsync(hostLog, 1);
            Assert.Equal(
                "counters: events in 3, DENMs out new 3 update 0 repeat 0 cancel 0 negate 0 expire-cancel 0, dead letters 1, active entries 3",
                first);

            await Streams.AddEventAsync(Database, CloudEvents.TerminateKey(1001, 2002));
            await Streams.WaitForOutputAsync(Database, records => records.Count == 4);
            // The interval holds: the busy loop did not log again before the clock moved on.
            Assert.Single(CountersLines(hostLog));
            clock.Shift(TimeSpan.FromSeconds(10));
            var second = await WaitForCountersAsync(hostLog, 2);
            Assert.Equal(
                "counters: events in 4, DENMs out new 3 update 0 repeat 0 cancel 1 negate 0 expire-cancel 0, dead letters 1, active entries 2",
                second);
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(StopOutcome.Stopped, await running);
        }
    }

    private static List<string> CountersLines(ListLogger log) =>
        [.. log.Entries.Where(entry => entry.Id.Id == CountersEventId).Select(entry => entry.Message)];

    /// <summary>The <paramref name="count"/>th counters line, waited for (bounded, 10 s).</summary>
    private static async Task<string> WaitForCountersAsync(ListLogger log, int count)
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            if (CountersLines(log) is { } lines && lines.Count >= count)
            {
                Assert.Equal(count, lines.Count);
                return lines[count - 1];
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"no counters line #{count} within 10 s");
    }

    /// <summary>The producer has created its consumer group: entries added from now on are read.</summary>
    private Task WaitForGroupAsync() => ScenarioTests.WaitUntilAsync(async () =>
        await Database.KeyExistsAsync(TestConfig.Events)
        && (await Database.StreamGroupInfoAsync(TestConfig.Events)).Any(group => group.Name == "producers"));
}
