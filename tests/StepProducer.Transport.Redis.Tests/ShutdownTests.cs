using StackExchange.Redis;
using StepProducer.Encoding.Denm;
using StepProducer.TestSupport;
using StepProducer.Transport.Redis.Tests.Support;

namespace StepProducer.Transport.Redis.Tests;

/// <summary>
/// Graceful stop with den.onShutdown keep (the default: the next start goes on with the active DENMs) and
/// cancel (one last fenced batch cancels them), with the real step_producer, real SIGTERM and a real redis-server.
/// </summary>
public sealed class ShutdownTests : RedisServerTest
{
    private const string OriginatingKey = "step_producer:{1234}:state:originating";

    protected override RedisServerOptions ServerOptions => new() { AppendOnly = true };

    [Fact]
    public async Task Sigterm_WithOnShutdownCancel_CancelsEveryActiveDenmInOneBatchEmptiesTheStateAndExitsZero()
    {
        var config = new ProducerConfig(Server);
        config.Den["validityDurationS"] = 60;
        config.Den["onShutdown"] = "cancel";
        using var producer = ProducerProcess.Start(config.Write(WorkDirectory));
        await producer.WaitForLogAsync("took the DEN state");
        await Streams.AddEventAsync(Database, CloudEvents.Collision(1001, 2002));
        await Streams.AddEventAsync(Database, CloudEvents.Collision(3003, 4004));
        await Streams.AddEventAsync(Database, CloudEvents.Collision(5005, 6006));
        await Streams.AddEventAsync(Database, CloudEvents.TerminateKey(5005, 6006));
        var before = await Streams.WaitForOutputAsync(Database, records => records.Count == 4);
        Assert.Equal(3, await Database.HashLengthAsync(OriginatingKey));

        producer.Terminate();

        Assert.Equal(0, await producer.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        var records = await Streams.ReadOutputAsync(Database);
        var cancellations = records.Skip(before.Count).ToList();
        // The two ACTIVE events get a cancellation; the one cancelled by its termination event does not again.
        Assert.Equal(
            before.Where(record => record.Kind == "new").Take(2).Select(record => record.ActionId).Order(),
            cancellations.Select(record => record.ActionId).Order());
        Assert.All(cancellations, record =>
        {
            Assert.Equal("cancel", record.Kind);
            Assert.Equal("shutdown", record.Source);
            Assert.Equal(Termination.IsCancellation, record.Denm.Payload.Management.Termination);
        });
        ScenarioTests.AssertRecordsMatchTheirDenms(records, stationId: 1234);
        await ScenarioTests.AssertDissectedAsync(cancellations);
        Assert.False(await Database.KeyExistsAsync(OriginatingKey));
        Assert.Contains(producer.StandardErrorLines, line => line.Contains(
            "den.onShutdown cancel: 2 active DENMs cancelled and 3 originating entries removed from the state", StringComparison.Ordinal));

        // A restart has nothing left to continue: no repetition, no expiry of the cancelled events.
        using var restarted = ProducerProcess.Start(config.Write(WorkDirectory));
        await restarted.WaitForLogAsync("took the DEN state");
        await restarted.WaitForLogAsync("0 originating");
        Assert.Equal(records.Count, await Database.StreamLengthAsync(ProducerConfig.Output));
    }

    [Fact]
    public async Task Sigterm_WithOnShutdownKeep_LeavesTheStateAndARestartedProducerRepeatsAndExpiresTheSameActionIds()
    {
        var config = new ProducerConfig(Server);
        config.Den["validityDurationS"] = 8;
        config.Den["repetitionIntervalMs"] = 500;
        var configFile = config.Write(WorkDirectory);
        using var producer = ProducerProcess.Start(configFile);
        await producer.WaitForLogAsync("took the DEN state");
        await Streams.AddEventAsync(Database, CloudEvents.Collision(1001, 2002));
        await Streams.AddEventAsync(Database, CloudEvents.Collision(3003, 4004));
        var created = (await Streams.WaitForOutputAsync(Database, records => records.Count(record => record.Kind == "new") == 2))
            .Where(record => record.Kind == "new").Select(record => record.ActionId).Order().ToList();

        producer.Terminate();

        Assert.Equal(0, await producer.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(created, (await Database.HashKeysAsync(OriginatingKey)).Select(field => (string)field!).Order());
        Assert.DoesNotContain(await Streams.ReadOutputAsync(Database), record => record.Kind is "cancel" or "expire-cancel");
        var stoppedAt = await Database.StreamLengthAsync(ProducerConfig.Output);

        using var restarted = ProducerProcess.Start(configFile);
        await restarted.WaitForLogAsync("2 originating");
        var records = await Streams.WaitForOutputAsync(
            Database, records => records.Count(record => record.Kind == "expire-cancel") == 2, TimeSpan.FromSeconds(20));

        var afterRestart = records.Skip((int)stoppedAt).ToList();
        Assert.Contains(afterRestart, record => record.Kind == "repeat");
        Assert.All(afterRestart, record => Assert.Contains(record.ActionId, created));
        Assert.Equal(created, afterRestart.Where(record => record.Kind == "expire-cancel").Select(record => record.ActionId).Order());
        Assert.False(await Database.KeyExistsAsync(OriginatingKey));
        Assert.All(records, record => Assert.NotEqual("shutdown", record.Source));
    }

    [Fact]
    public async Task Sigterm_WithOnShutdownCancel_WhileRedisIsAway_SaysTheCancellationsWereNotSentExitsPromptlyAndKeepsTheState()
    {
        var config = new ProducerConfig(Server);
        config.Den["validityDurationS"] = 60;
        config.Den["onShutdown"] = "cancel";
        config.Root["timeout"] = 1;
        using var producer = ProducerProcess.Start(config.Write(WorkDirectory));
        await producer.WaitForLogAsync("took the DEN state");
        await Streams.AddEventAsync(Database, CloudEvents.Collision(1001, 2002));
        await Streams.AddEventAsync(Database, CloudEvents.Collision(3003, 4004));
        var created = await Streams.WaitForOutputAsync(Database, records => records.Count == 2);
        await Connection.DisposeAsync();
        await Server.ShutdownAsync();
        await producer.WaitForLogAsync("is unavailable");

        producer.Terminate();

        // timeout is 1 s: the stop must not wait for Redis much longer than that (the margin covers a busy machine).
        Assert.Equal(1, await producer.WaitForExitAsync(TimeSpan.FromSeconds(6)));
        Assert.Contains(producer.StandardErrorLines, line => line.Contains("the cancellations were not sent", StringComparison.Ordinal)
            && line.Contains("still holds the active entries", StringComparison.Ordinal));
        await Server.StartAgainAsync();
        await ReconnectAsync();
        Assert.Equal(
            created.Select(record => record.ActionId).Order(),
            (await Database.HashKeysAsync(OriginatingKey)).Select(field => (string)field!).Order());
        Assert.DoesNotContain(await Streams.ReadOutputAsync(Database), record => record.Kind == "cancel");
    }

    [Fact]
    public async Task Sigterm_WithOnShutdownKeep_WhileRedisIsAway_ExitsZeroPromptlyWithoutAnError()
    {
        var config = new ProducerConfig(Server);
        config.Den["validityDurationS"] = 60;
        config.Root["timeout"] = 1;
        using var producer = ProducerProcess.Start(config.Write(WorkDirectory));
        await producer.WaitForLogAsync("took the DEN state");
        await Streams.AddEventAsync(Database, CloudEvents.Collision(1001, 2002));
        await Streams.WaitForOutputAsync(Database, records => records.Count == 1);
        await Connection.DisposeAsync();
        await Server.ShutdownAsync();
        await producer.WaitForLogAsync("is unavailable");

        producer.Terminate();

        Assert.Equal(0, await producer.WaitForExitAsync(TimeSpan.FromSeconds(6)));
        Assert.DoesNotContain(producer.StandardErrorLines, line => line.Contains("den.onShutdown", StringComparison.Ordinal));
        await Server.StartAgainAsync();
        await ReconnectAsync();
        Assert.Equal(1, await Database.HashLengthAsync(OriginatingKey));
    }
}
