using StackExchange.Redis;
using StepProducer.Transport.Redis.Tests.Support;

namespace StepProducer.Transport.Redis.Tests;

/// <summary>Ownership fencing and sharing one Redis, with real step_producer processes and real signals.</summary>
public sealed class FailoverTests : RedisServerTest
{
    [Fact]
    public async Task StalledProducerIsReplaced_ReplacementClaimsCancelsAndExpires_OldOneExitsWithCode4OnSigcont()
    {
        var config = new ProducerConfig(Server);
        // Long enough to outlast the replacement's start on a busy machine, short enough to see the expiries.
        config.Den["validityDurationS"] = 10;
        var configFile = config.Write(WorkDirectory);
        using var old = ProducerProcess.Start(configFile);
        await old.WaitForLogAsync("took the DEN state");
        await Streams.AddEventAsync(Database, CloudEvents.Collision(1001, 2002));
        await Streams.AddEventAsync(Database, CloudEvents.Collision(3003, 4004));
        var first = await Streams.WaitForOutputAsync(Database, records => records.Count == 2);

        old.Pause();
        // Entries the stalled process had read but not committed: read as its consumer, they sit in its
        // pending entries list, as when SIGSTOP lands between XREADGROUP and EXEC. The stalled process's own
        // blocking XREADGROUP, still waiting in Redis, may take the first of them: pending for it just the same.
        var orphans = new[]
        {
            await Streams.AddEventAsync(Database, CloudEvents.Collision(5005, 6006)),
            await Streams.AddEventAsync(Database, CloudEvents.Collision(7007, 8008)),
        };
        await Database.StreamReadGroupAsync(ProducerConfig.Events, "producers", "rsu-a", ">", 10);
        var pendingForOld = await Database.StreamPendingMessagesAsync(ProducerConfig.Events, "producers", 10, "rsu-a");
        Assert.Equal(orphans.Order(), pendingForOld.Select(pending => pending.MessageId).Order());

        using var replacement = ProducerProcess.Start(configFile, instance: "rsu-b");
        await replacement.WaitForLogAsync("with ownership epoch 2");
        await replacement.WaitForLogAsync("2 originating");
        await Streams.AddEventAsync(Database, CloudEvents.TerminateKey(1001, 2002));
        var records = await Streams.WaitForOutputAsync(
            Database, records => records.Count(record => record.Kind == "expire-cancel") == 3, TimeSpan.FromSeconds(40));

        old.Continue();
        Assert.Equal(4, await old.WaitForExitAsync(TimeSpan.FromSeconds(15)));
        Assert.Contains(old.StandardErrorLines, line => line.Contains("lost ownership", StringComparison.Ordinal));
        await replacement.WaitForLogAsync("claimed 2 entries");

        var cancel = Assert.Single(records, record => record.Kind == "cancel");
        Assert.Equal(first[0].ActionId, cancel.ActionId);
        var expired = records.Where(record => record.Kind == "expire-cancel").Select(record => record.ActionId).Order();
        var created = records.Where(record => record.Kind == "new").ToList();
        Assert.Equal(created.Where(record => record.ActionId != first[0].ActionId).Select(record => record.ActionId).Order(), expired);
        Assert.Equal(orphans.Select(id => $"{ProducerConfig.Events}/{id}").Order(), created.Skip(2).Select(record => record.Source).Order());
        // Nothing more from the old process after SIGCONT, nothing duplicated.
        Assert.Equal(records.Count, (await Streams.ReadOutputAsync(Database)).Count);
        ExactlyOnce.AssertOneNewPerInput(records, [.. first.Select(record => (RedisValue)record.Source.Split('/')[1]), .. orphans]);
        Assert.Equal(0, (await Database.StreamPendingAsync(ProducerConfig.Events, "producers")).PendingMessageCount);
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
}
