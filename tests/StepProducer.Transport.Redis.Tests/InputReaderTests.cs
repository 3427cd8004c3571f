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
        var reader = await ReaderWithOwnPendingEntryAsync(database, "1");
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

    [Fact]
    public async Task WaitForNewEntries_EntriesAddedWhileBlocked_ReturnsThemPerStreamBeforeTheBlockEnds()
    {
        var other = Input with { Name = "received", Kind = RedisInputKind.ReceivedDenm };
        await using var readConnection = await Server.ConnectAdminAsync();
        var readers = new[] { Reader("a", TimeSpan.FromSeconds(30)), Reader("a", TimeSpan.FromSeconds(30), other) };
        foreach (var reader in readers)
        {
            await reader.EnsureGroupAsync(Database);
        }

        var block = TimeSpan.FromSeconds(4);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var waiting = InputReader.WaitForNewEntriesAsync(readConnection.GetDatabase(), readers, Options("a"), block);
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);
        await Database.StreamAddAsync(other.Name, [new("uper", new byte[] { 1, 2 }), new("note", "x")]);

        var arrived = await waiting;

        Assert.True(clock.Elapsed < block, $"the wait returned after {clock.Elapsed}, not when the entry arrived");
        Assert.Empty(arrived[0]);
        var entry = Assert.Single(arrived[1]);
        Assert.Equal(new byte[] { 1, 2 }, (byte[])entry["uper"]!);
        Assert.Equal("x", (string)entry["note"]!);
        // The entry is now this consumer's: pending, as after any XREADGROUP >.
        Assert.Single(await Database.StreamPendingMessagesAsync(other.Name, other.Group, 10, "a"));
    }

    [Fact]
    public async Task WaitForNewEntries_NothingArrives_ReturnsEmptyAfterTheBlock()
    {
        await using var readConnection = await Server.ConnectAdminAsync();
        var reader = Reader("a", TimeSpan.FromSeconds(30));
        await reader.EnsureGroupAsync(Database);

        var arrived = await InputReader.WaitForNewEntriesAsync(
            readConnection.GetDatabase(), [reader], Options("a"), TimeSpan.FromMilliseconds(200));

        Assert.Empty(Assert.Single(arrived));
    }

    [Fact]
    public async Task Read_InFlightDuringRestart_DoesNotUndoTheRestart()
    {
        var database = Database;
        var reader = await ReaderWithOwnPendingEntryAsync(database, "1");
        Assert.Single(await reader.ReadAsync(database));

        // An overlapped read the producer abandons: it finds the end of the own pending entries, but the
        // restart comes before its reply, so it must not end the restarted pending scan.
        var abandoned = reader.ReadAsync(database);
        reader.RestartFromOwnPending();
        Assert.Empty(await abandoned);

        var again = await ReadUntilEmptyAsync(reader, database);
        Assert.Equal(["1"], again.Select(entry => (string)entry["event"]!));
    }

    /// <summary>A reader of consumer "a" whose group already delivered one entry to "a" (pending, not acknowledged).</summary>
    private static async Task<InputReader> ReaderWithOwnPendingEntryAsync(IDatabase database, string value)
    {
        var reader = Reader("a", TimeSpan.FromSeconds(30));
        await reader.EnsureGroupAsync(database);
        await database.StreamAddAsync(Input.Name, "event", value);
        await database.StreamReadGroupAsync(Input.Name, Input.Group, "a", StreamPosition.NewMessages, 10);
        return reader;
    }

    private static RedisTransportOptions Options(string consumer) =>
        new() { InstanceName = consumer, ClaimIdle = TimeSpan.FromSeconds(30), BatchSize = 10 };

    private static InputReader Reader(string consumer, TimeSpan claimIdle, RedisInput? input = null) => new(
        input ?? Input,
        Options(consumer) with { ClaimIdle = claimIdle },
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
