using StackExchange.Redis;
using StepProducer.TestSupport;
using StepProducer.Transport.Redis.Tests.Support;

namespace StepProducer.Transport.Redis.Tests;

/// <summary>
/// Exactly-once effects across kill -9, Redis restarts, a Redis outage at start and a paused Redis, with the
/// real step_producer and a real redis-server.
/// </summary>
public sealed class RecoveryTests : RedisServerTest
{
    protected override RedisServerOptions ServerOptions => new() { AppendOnly = true };

    [Fact]
    public async Task KillNine_TwentyTwoTimesWhileTenThousandEventsFlow_NothingLostNothingDuplicated()
    {
        const int Events = 10_000;
        const int Kills = 22;
        // 45 s of validity: events wait in the backlog while the producer restarts 22 times (a debug build
        // starts in ~1 s on a busy machine), and must not go stale before they are processed.
        var configFile = Config(validityDurationS: 45).Write(WorkDirectory);
        var producer = ProducerProcess.Start(configFile);
        await producer.WaitForLogAsync("took the DEN state");
        var feeding = FeedAsync(Events, TimeSpan.FromSeconds(15));
        var random = new Random(20261128);
        try
        {
            for (var kill = 0; kill < Kills; kill++)
            {
                // Kill at a random point while it works: after its first new output, 0-300 ms later.
                var before = await Database.StreamLengthAsync(ProducerConfig.Output);
                await WaitForOutputGrowthAsync(before);
                await Task.Delay(random.Next(0, 300));
                producer.Kill9();
                await producer.WaitForExitAsync();
                producer.Dispose();
                producer = ProducerProcess.Start(configFile);
                await producer.WaitForLogAsync("took the DEN state");
            }

            var inputIds = await feeding;
            await ExactlyOnce.WaitUntilDrainedAsync(Database, ProducerConfig.Events, "producers", TimeSpan.FromSeconds(90));
            var records = await Streams.WaitForOutputAsync(
                Database, records => records.Count(record => record.Kind == "expire-cancel") >= Events, TimeSpan.FromSeconds(90));

            ExactlyOnce.AssertOneNewPerInput(records, inputIds);
            ExactlyOnce.AssertEveryEventExpiredOnce(records);
            Assert.Equal(0, await Database.StreamLengthAsync(ProducerConfig.DeadLetter));
            ScenarioTests.AssertRecordsMatchTheirDenms(records, stationId: 1234);
            await ScenarioTests.AssertDissectedAsync(records.Take(20));
        }
        finally
        {
            producer.Dispose();
        }
    }

    [Fact]
    public async Task RedisShutdownAndRestartMidFlow_WithAppendOnly_ProducerRecoversAndNothingIsLost()
    {
        using var producer = ProducerProcess.Start(Config(validityDurationS: 10).Write(WorkDirectory));
        await producer.WaitForLogAsync("took the DEN state");

        var before = await FeedAsync(1000, TimeSpan.Zero);
        await Streams.WaitForOutputAsync(Database, records => records.Count >= 50);
        await Connection.DisposeAsync();
        await Server.ShutdownAsync();
        await producer.WaitForLogAsync("is unavailable");
        await Task.Delay(500);
        await Server.StartAgainAsync();
        await ReconnectAsync();
        var after = await FeedAsync(1000, TimeSpan.Zero);

        await ExactlyOnce.WaitUntilDrainedAsync(Database, ProducerConfig.Events, "producers", TimeSpan.FromSeconds(60));
        await producer.WaitForLogAsync("is available again");
        var records = await Streams.ReadOutputAsync(Database);
        ExactlyOnce.AssertOneNewPerInput(records, before.Concat(after));
        Assert.False(producer.HasExited);
    }

    [Fact]
    public async Task RedisUnavailableAtStart_ProducerWaitsThenWorks()
    {
        await Connection.DisposeAsync();
        await Server.ShutdownAsync();
        using var producer = ProducerProcess.Start(Config(validityDurationS: 10).Write(WorkDirectory));
        await producer.WaitForLogAsync("is unavailable");
        await Task.Delay(1000);
        Assert.False(producer.HasExited);

        await Server.StartAgainAsync();
        await ReconnectAsync();
        await producer.WaitForLogAsync("took the DEN state");
        var ids = await FeedAsync(10, TimeSpan.Zero);

        var records = await Streams.WaitForOutputAsync(Database, records => records.Count >= 10);
        ExactlyOnce.AssertOneNewPerInput(records, ids);
        Assert.Single(producer.StandardErrorLines, line => line.Contains("is unavailable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClientPauseAllLongerThanTimeout_NoCrashNoLossNoDuplicateFromALateExec()
    {
        var config = Config(validityDurationS: 10);
        config.Root["timeout"] = 1;
        using var producer = ProducerProcess.Start(config.Write(WorkDirectory));
        await producer.WaitForLogAsync("took the DEN state");

        var before = await FeedAsync(2000, TimeSpan.Zero);
        await Streams.WaitForOutputAsync(Database, records => records.Count >= 20);
        // DEBUG SLEEP is disabled by default in Redis 7; CLIENT PAUSE ALL stalls every client, the producer's
        // EXEC included. The loop never stops issuing commands, so its first one blocks at once. SE.Redis
        // evaluates async timeouts on its 1 s heartbeat (StackExchange.Redis issue #2388), so a command fails
        // at most ~2 s after it was sent (1 s timeout + 1 s heartbeat): a blocked XREADGROUP by 2 s, a blocked
        // EXEC by 2 s and the read-back of its batch number that follows (RedisCommitUnknown) by 4 s. An 8 s
        // pause outlasts both paths with room for a busy machine: the outage is always seen, logged and ended.
        await Database.ExecuteAsync("CLIENT", "PAUSE", "8000", "ALL");
        await producer.WaitForLogAsync("is unavailable", TimeSpan.FromSeconds(8));
        await producer.WaitForLogAsync("is available again", TimeSpan.FromSeconds(20));
        var after = await FeedAsync(500, TimeSpan.Zero);

        await ExactlyOnce.WaitUntilDrainedAsync(Database, ProducerConfig.Events, "producers", TimeSpan.FromSeconds(60));
        var records = await Streams.ReadOutputAsync(Database);
        ExactlyOnce.AssertOneNewPerInput(records, before.Concat(after));
        Assert.False(producer.HasExited);
        Assert.DoesNotContain(producer.StandardErrorLines, line => line.Contains("lost ownership", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CommitAndReadConnectionsKilledWhileEventsFlow_NothingLostNothingDuplicated()
    {
        const int Events = 3000;
        const int Kills = 6;
        using var producer = ProducerProcess.Start(Config(validityDurationS: 30).Write(WorkDirectory));
        await producer.WaitForLogAsync("took the DEN state");
        var feeding = FeedAsync(Events, TimeSpan.FromSeconds(6));

        // Alternately the connection that commits and the one that reads (blocking reads included): entries a
        // read took that were not committed must be processed after the restore, and only once. A kill that
        // finds no command in flight only makes the multiplexer reconnect; each name is killed three times, so
        // finding it again also shows the reconnection.
        for (var kill = 0; kill < Kills; kill++)
        {
            await WaitForOutputGrowthAsync(await Database.StreamLengthAsync(ProducerConfig.Output));
            var killed = await KillClientAsync(kill % 2 == 0 ? "rsu-a" : "rsu-a:reads");
            Assert.True(killed, $"kill {kill}: no client of that name in CLIENT LIST");
        }

        var inputIds = await feeding;
        await ExactlyOnce.WaitUntilDrainedAsync(Database, ProducerConfig.Events, "producers", TimeSpan.FromSeconds(60));
        var records = await Streams.ReadOutputAsync(Database);
        ExactlyOnce.AssertOneNewPerInput(records, inputIds);
        Assert.Equal(0, await Database.StreamLengthAsync(ProducerConfig.DeadLetter));
        Assert.False(producer.HasExited);
    }

    /// <summary>CLIENT KILL of the client named <paramref name="name"/> (CLIENT SETNAME); false when there is none.</summary>
    private async Task<bool> KillClientAsync(string name)
    {
        // One line per client, "id=7 addr=... name=rsu-a ..."; a RESP3 reply comes as a verbatim string that
        // starts with "txt:", hence the word boundary rather than a start-of-line match.
        var clients = (string)(await Database.ExecuteAsync("CLIENT", "LIST"))!;
        var id = clients.Split('\n')
            .Where(line => line.Split(' ').Contains("name=" + name))
            .Select(line => System.Text.RegularExpressions.Regex.Match(line, @"\bid=(\d+)").Groups[1].Value)
            .FirstOrDefault();
        if (id is null)
        {
            return false;
        }

        await Database.ExecuteAsync("CLIENT", "KILL", "ID", id);
        return true;
    }

    /// <summary>Waits (bounded, 15 s) until the output stream is longer than <paramref name="length"/>.</summary>
    private async Task WaitForOutputGrowthAsync(long length)
    {
        for (var attempt = 0; attempt < 750 && await Database.StreamLengthAsync(ProducerConfig.Output) <= length; attempt++)
        {
            await Task.Delay(20);
        }
    }

    private ProducerConfig Config(int validityDurationS)
    {
        var config = new ProducerConfig(Server);
        config.Den["validityDurationS"] = validityDurationS;
        return config;
    }

    /// <summary>
    /// Adds <paramref name="count"/> collision events, each with its own event key, spread evenly over
    /// <paramref name="duration"/> (in chunks of 50, pipelined); returns their entry IDs.
    /// </summary>
    private async Task<List<RedisValue>> FeedAsync(int count, TimeSpan duration)
    {
        const int Chunk = 50;
        await using var feeder = await Server.ConnectAdminAsync();
        var database = feeder.GetDatabase();
        var ids = new List<RedisValue>(count);
        var pause = duration / Math.Max(1, count / Chunk);
        for (var start = 0; start < count; start += Chunk)
        {
            var adds = Enumerable.Range(start, Math.Min(Chunk, count - start))
                .Select(index => Streams.AddEventAsync(database, CloudEvents.Collision((uint)(100_000 + index + (Offset * 100_000)), 1)))
                .ToArray();
            ids.AddRange(await Task.WhenAll(adds));
            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause);
            }
        }

        Offset++;
        return ids;
    }

    private int Offset { get; set; }
}
