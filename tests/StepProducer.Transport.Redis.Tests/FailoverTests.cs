using StackExchange.Redis;
using StepProducer.TestSupport;
using StepProducer.Transport.Redis.Tests.Support;

namespace StepProducer.Transport.Redis.Tests;

/// <summary>Ownership fencing and sharing one Redis, with real step_producer processes and real signals.</summary>
public sealed partial class FailoverTests : RedisServerTest
{
    /// <summary>How many times the test stops the old producer looking for pending entries before it gives up.</summary>
    private const int MaxPauseAttempts = 20;

    [Fact]
    public async Task StalledProducerIsReplaced_ReplacementClaimsItsPendingEntriesCancelsAndExpires_OldOneExitsWithCode4OnSigcont()
    {
        var config = new ProducerConfig(Server);
        // Long enough to outlast the replacement's start on a busy machine, short enough to see the expiries.
        config.Den["validityDurationS"] = 15;
        var configFile = config.Write(WorkDirectory);
        using var old = ProducerProcess.Start(configFile);
        await old.WaitForLogAsync("took the DEN state");

        // Events flow while the old producer is stopped at random points, until SIGSTOP lands between its
        // XREADGROUP and its EXEC: then its consumer holds entries it read but never committed.
        using var feeding = new CancellationTokenSource();
        var feeder = FeedUntilStoppedAsync(feeding.Token);
        // The old process has committed DENMs before it is stopped: the replacement takes them over.
        await Streams.WaitForOutputAsync(Database, records => records.Count > 0);
        var pending = await PauseHoldingPendingEntriesAsync(old);
        await feeding.CancelAsync();
        var inputIds = await feeder;
        // The newest event the old process committed: the replacement must cancel it from the restored state.
        var lastCommitted = (await Streams.ReadOutputAsync(Database)).Last(record => record.Kind == "new");
        var lastIndex = inputIds.IndexOf(lastCommitted.Source.Split('/')[1]);

        using var replacement = ProducerProcess.Start(configFile, instance: "rsu-b");
        await replacement.WaitForLogAsync("with ownership epoch 2");
        await ScenarioTests.WaitUntilAsync(() => Task.FromResult(ClaimedEntries(replacement) >= pending));
        await Streams.AddEventAsync(Database, CloudEvents.TerminateKey(EventStation(lastIndex), 1));
        await ExactlyOnce.WaitUntilDrainedAsync(Database, ProducerConfig.Events, "producers", TimeSpan.FromSeconds(60));
        var records = await Streams.WaitForOutputAsync(
            Database, records => records.Count(record => record.Kind == "expire-cancel") == inputIds.Count - 1, TimeSpan.FromSeconds(40));

        old.Continue();
        Assert.Equal(4, await old.WaitForExitAsync(TimeSpan.FromSeconds(15)));
        Assert.Contains(old.StandardErrorLines, line => line.Contains("lost ownership", StringComparison.Ordinal));
        // The replacement claimed exactly what the stalled consumer held.
        Assert.Equal(pending, ClaimedEntries(replacement));

        // Nothing more from the old process after SIGCONT, nothing lost, nothing duplicated.
        var final = await Streams.ReadOutputAsync(Database);
        Assert.Equal(records.Count, final.Count);
        ExactlyOnce.AssertOneNewPerInput(final, inputIds);
        var cancel = Assert.Single(final, record => record.Kind == "cancel");
        Assert.Equal(lastCommitted.ActionId, cancel.ActionId);
        Assert.Equal(
            final.Where(record => record.Kind == "new" && record.ActionId != lastCommitted.ActionId).Select(record => record.ActionId).Order(),
            final.Where(record => record.Kind == "expire-cancel").Select(record => record.ActionId).Order());
        // Every event key (one per input event) kept one actionId through the takeover.
        var keysPerActionId = final.Where(record => record.Kind == "new").GroupBy(record => record.ActionId);
        Assert.All(keysPerActionId, group => Assert.Single(group));
        Assert.Equal(0, (await Database.StreamPendingAsync(ProducerConfig.Events, "producers")).PendingMessageCount);
        Assert.Equal(0, await Database.StreamLengthAsync(ProducerConfig.DeadLetter));
        ScenarioTests.AssertRecordsMatchTheirDenms(final, stationId: 1234);
        await ScenarioTests.AssertDissectedAsync([cancel, .. final.Where(record => record.Kind == "expire-cancel").Take(10)]);
    }

    [Fact]
    public async Task TwoInstancesWithOwnStationsGroupsAndPrefixes_EachSeesEveryEventWithItsOwnActionIds()
    {
        var first = new ProducerConfig(Server, stationId: 1111);
        first.Den["validityDurationS"] = 60;
        first.Root["instanceName"] = "rsu-one";
        first.Streams["inputs"]![0]!["group"] = "group-one";
        first.Streams["inputs"]![1]!["group"] = "group-one";
        var second = new ProducerConfig(Server, stationId: 2222);
        second.Den["validityDurationS"] = 60;
        second.Root["instanceName"] = "rsu-two";
        second.Streams["inputs"]![0]!["group"] = "group-two";
        second.Streams["inputs"]![1]!["group"] = "group-two";
        using var one = ProducerProcess.Start(first.Write(WorkDirectory, "one.json"));
        using var two = ProducerProcess.Start(second.Write(WorkDirectory, "two.json"));
        await one.WaitForLogAsync("took the DEN state under 'step_producer:{1111}:state:'");
        await two.WaitForLogAsync("took the DEN state under 'step_producer:{2222}:state:'");

        var ids = new List<RedisValue>();
        for (var index = 0; index < 200; index++)
        {
            ids.Add(await Streams.AddEventAsync(Database, CloudEvents.Collision((uint)(10_000 + index), 1)));
        }

        var records = await Streams.WaitForOutputAsync(Database, records => records.Count(record => record.Kind == "new") >= 400);
        foreach (var station in new uint[] { 1111, 2222 })
        {
            var own = records.Where(record => record.Denm.Header.StationId == station).ToList();
            ExactlyOnce.AssertOneNewPerInput(own, ids);
            Assert.All(own, record => Assert.StartsWith($"{station}:", record.ActionId, StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// Stops <paramref name="producer"/> with SIGSTOP until its consumer holds pending entries of the events
    /// stream, continuing it for a moment between attempts (at most <see cref="MaxPauseAttempts"/>). Returns the
    /// count, read with XPENDING once the process is stopped and Redis has run whatever it had already sent.
    /// </summary>
    private async Task<long> PauseHoldingPendingEntriesAsync(DaemonProcess producer)
    {
        var random = new Random(20261128);
        for (var attempt = 0; attempt < MaxPauseAttempts; attempt++)
        {
            await Task.Delay(random.Next(50, 250));
            producer.Pause();
            await WaitUntilStoppedAsync(producer.ProcessId);
            // Commands the process wrote before it stopped (a whole MULTI/EXEC) still run on the server, and its
            // blocking XREADGROUP, still waiting there, takes the next entries fed: pending for it just the same,
            // and the last read it gets, since it can send no other.
            await Task.Delay(200);
            var pending = await Database.StreamPendingAsync(ProducerConfig.Events, "producers");
            var held = pending.Consumers.Where(consumer => consumer.Name == "rsu-a").Sum(consumer => (long)consumer.PendingMessageCount);
            if (held > 0)
            {
                // Stable: a stopped process can neither commit nor acknowledge.
                await Task.Delay(200);
                var again = await Database.StreamPendingAsync(ProducerConfig.Events, "producers");
                Assert.Equal(held, again.Consumers.Where(consumer => consumer.Name == "rsu-a").Sum(consumer => (long)consumer.PendingMessageCount));
                return held;
            }

            producer.Continue();
        }

        throw new InvalidOperationException(
            $"in {MaxPauseAttempts} SIGSTOPs the old producer never held pending entries; it did not fall between XREADGROUP and EXEC");
    }

    /// <summary>Waits (bounded, 5 s) until /proc shows the process stopped (state T).</summary>
    private static async Task WaitUntilStoppedAsync(int processId)
    {
        for (var attempt = 0; attempt < 250; attempt++)
        {
            var stat = await File.ReadAllTextAsync($"/proc/{processId}/stat");
            // Field 3, after the parenthesised command name, is the state.
            if (stat[(stat.LastIndexOf(')') + 2)..].StartsWith('T'))
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"process {processId} did not stop within 5 s of SIGSTOP");
    }

    /// <summary>Adds collision events, each with its own event key, until cancelled (at most 20,000); returns their IDs.</summary>
    private async Task<List<RedisValue>> FeedUntilStoppedAsync(CancellationToken stop)
    {
        const int MaxEvents = 20_000;
        const int Chunk = 20;
        await using var feeder = await Server.ConnectAdminAsync();
        var database = feeder.GetDatabase();
        var ids = new List<RedisValue>();
        while (ids.Count < MaxEvents && !stop.IsCancellationRequested)
        {
            var adds = Enumerable.Range(ids.Count, Chunk)
                .Select(index => Streams.AddEventAsync(database, CloudEvents.Collision(EventStation(index), 1)))
                .ToArray();
            ids.AddRange(await Task.WhenAll(adds));
            // About 1,000 events/s: a steady flow that keeps batches in flight without an unbounded backlog.
            await Task.Delay(20, CancellationToken.None);
        }

        return ids;
    }

    /// <summary>The first station of fed event <paramref name="index"/>'s key (the second is station 1).</summary>
    private static uint EventStation(int index) => (uint)(100_000 + index);

    /// <summary>The entries of the events stream the replacement says it claimed, over all its XAUTOCLAIM rounds.</summary>
    private static long ClaimedEntries(DaemonProcess producer) =>
        producer.StandardErrorLines
            .Select(line => ClaimedLine().Match(line))
            .Where(match => match.Success)
            .Sum(match => long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

    [System.Text.RegularExpressions.GeneratedRegex(@"claimed (\d+) entries of '\{s\}:events'")]
    private static partial System.Text.RegularExpressions.Regex ClaimedLine();
}
