using StackExchange.Redis;
using StepProducer.Transport.Redis.Tests.Support;

namespace StepProducer.Transport.Redis.Tests;

/// <summary>Consumer-group reading against a real redis-server.</summary>
public sealed class InputReaderTests : RedisServerTest
{
    private static readonly RedisInput Input = new("events", RedisInputKind.Events, "producers");
    [Fact]
    public async Task EnsureGroup_NewGroup_SkipsEntriesAddedBefore()
    {
        var database = Database;
        await database.StreamAddAsync(Input.Name, "event", "old");
        var reader = Reader("a", TimeSpan.FromSeconds(30));
        await reader.EnsureGroupAsync(database);
        await database.StreamAddAsync(Input.Name, "event", "new");

        var entries = await ReadUntilEmptyAsync(reader, database);

        Assert.Equal(["new"], entries.Select(entry => (string)entry["event"]!));
    }

    [Fact]
    public async Task EnsureGroup_ExistingGroup_KeepsItsPosition()
    {
        var database = Database;
        await database.StreamCreateConsumerGroupAsync(Input.Name, Input.Group, "0-0", createStream: true);
        await database.StreamAddAsync(Input.Name, "event", "before");
        var reader = Reader("a", TimeSpan.FromSeconds(30));
        await reader.EnsureGroupAsync(database);

        var entries = await ReadUntilEmptyAsync(reader, database);

        Assert.Equal(["before"], entries.Select(entry => (string)entry["event"]!));
    }

    [Fact]
    public async Task Read_OwnPendingFirst_ThenNew_AndAgainAfterRestart()
    {
        var database = Database;
        var reader = Reader("a", TimeSpan.FromSeconds(30));
        await reader.EnsureGroupAsync(database);
        await database.StreamAddAsync(Input.Name, "event", "1");
        await database.StreamReadGroupAsync(Input.Name, Input.Group, "a", StreamPosition.NewMessages, 10);
        await database.StreamAddAsync(Input.Name, "event", "2");

        var first = await ReadUntilEmptyAsync(reader, database);
        Assert.Equal(["1", "2"], first.Select(entry => (string)entry["event"]!));

        reader.RestartFromOwnPending();
        var again = await ReadUntilEmptyAsync(reader, database);
        Assert.Equal(["1", "2"], again.Select(entry => (string)entry["event"]!));
    }

    [Fact]
    public async Task Read_EntriesOfAnIdleDeadConsumer_AreClaimed()
    {
        var database = Database;
        var reader = Reader("replacement", TimeSpan.FromMilliseconds(200));
        await reader.EnsureGroupAsync(database);
        await database.StreamAddAsync(Input.Name, "event", "orphan");
        await database.StreamReadGroupAsync(Input.Name, Input.Group, "dead", StreamPosition.NewMessages, 10);
        await Task.Delay(300);

        var entries = await ReadUntilEmptyAsync(reader, database);

        Assert.Equal(["orphan"], entries.Select(entry => (string)entry["event"]!));
        var pending = await database.StreamPendingMessagesAsync(Input.Name, Input.Group, 10, "replacement");
        Assert.Single(pending);
    }

    private InputReader Reader(string consumer, TimeSpan claimIdle) => new(
        Input,
        new RedisTransportOptions { InstanceName = consumer, ClaimIdle = claimIdle, BatchSize = 10 },
        TimeProvider.System,
        new ListLogger());

    /// <summary>Reads until one read returns nothing (bounded: at most 10 reads).</summary>
    private static async Task<List<StreamEntry>> ReadUntilEmptyAsync(InputReader reader, IDatabase database)
    {
        var all = new List<StreamEntry>();
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var entries = await reader.ReadAsync(database);
            if (entries.Length == 0)
            {
                return all;
            }

            all.AddRange(entries);
        }

        return all;
    }
}
