using StackExchange.Redis;
using StepProducer.Transport.Redis.Tests.Support;

namespace StepProducer.Transport.Redis.Tests;

/// <summary>The commit protocol against a real redis-server: atomic batches, fencing, conflicts, misconfiguration.</summary>
public sealed class BatchCommitterTests : RedisServerTest
{
    private static readonly RedisInput Input = new("{s1}:events", RedisInputKind.Events, "producers");
    private readonly ListLogger logger = new();
    private readonly StateKeys keys = new("step_producer:{s1}:");
    [Fact]
    public async Task Commit_Batch_AppliesOutputsStateAndAcknowledgementsTogether()
    {
        var database = Database;
        var entryId = await AddPendingEntryAsync(database);
        var committer = new BatchCommitter(database, keys, logger);
        await committer.TakeOwnershipAsync();

        var batch = new RedisBatch();
        batch.Append("{s1}:denm", [new("kind", "new")], maxLength: 100);
        batch.SetHashField(keys.Originating, "7:1", "entry");
        batch.SequenceCounter = 1;
        batch.Acknowledge(Input, entryId);

        Assert.Equal(CommitOutcome.Committed, await committer.CommitAsync(batch));
        Assert.Equal(1, committer.LastBatch);
        Assert.Equal(1, await database.StreamLengthAsync("{s1}:denm"));
        Assert.Equal("entry", await database.HashGetAsync(keys.Originating, "7:1"));
        Assert.Equal(1, (long)await database.StringGetAsync(keys.Sequence));
        Assert.Equal(1, (long)await database.StringGetAsync(keys.Batch));
        Assert.Equal(0, (await database.StreamPendingAsync(Input.Name, Input.Group)).PendingMessageCount);
    }

    [Fact]
    public async Task Commit_AfterAnotherProducerTookOwnership_ThrowsAndAppliesNothing()
    {
        var database = Database;
        var entryId = await AddPendingEntryAsync(database);
        var old = new BatchCommitter(database, keys, logger);
        await old.TakeOwnershipAsync();
        var replacement = new BatchCommitter(database, keys, new ListLogger());
        await replacement.TakeOwnershipAsync();

        var batch = new RedisBatch();
        batch.Append("{s1}:denm", [new("kind", "new")], maxLength: 0);
        batch.Acknowledge(Input, entryId);

        var error = await Assert.ThrowsAsync<OwnershipLostException>(() => old.CommitAsync(batch));
        Assert.Equal((1, 2), (error.OwnEpoch, error.CurrentEpoch));
        Assert.Equal(0, await database.StreamLengthAsync("{s1}:denm"));
        Assert.Equal(1, (await database.StreamPendingAsync(Input.Name, Input.Group)).PendingMessageCount);
        Assert.Contains(logger.Entries, entry => entry.Id.Id == 5004);
    }

    [Fact]
    public async Task Commit_WhenBatchNumberMovedUnderTheSameEpoch_IsNotAppliedAndRestoreCatchesUp()
    {
        var database = Database;
        var committer = new BatchCommitter(database, keys, logger);
        await committer.TakeOwnershipAsync();
        // What a late EXEC of this process's own earlier batch looks like: the batch number moved.
        await database.StringSetAsync(keys.Batch, 1);

        var batch = new RedisBatch();
        batch.Append("{s1}:denm", [new("kind", "new")], maxLength: 0);
        Assert.Equal(CommitOutcome.NotApplied, await committer.CommitAsync(batch));
        Assert.Equal(0, await database.StreamLengthAsync("{s1}:denm"));

        var restored = await committer.RestoreAsync("test");
        Assert.Equal(1, restored.Batch);
        Assert.Equal(CommitOutcome.Committed, await committer.CommitAsync(batch));
        Assert.Equal(2, (long)await database.StringGetAsync(keys.Batch));
    }

    [Fact]
    public async Task Commit_WrongTypeKey_ThrowsMisconfigurationNamingCommandAndKey()
    {
        var database = Database;
        await database.StringSetAsync(keys.Originating, "not a hash");
        var committer = new BatchCommitter(database, keys, logger);
        await Assert.ThrowsAsync<RedisServerException>(committer.TakeOwnershipAsync);
        await database.KeyDeleteAsync(keys.Originating);
        await committer.TakeOwnershipAsync();
        await database.StringSetAsync(keys.Originating, "not a hash");

        var batch = new RedisBatch();
        batch.SetHashField(keys.Originating, "7:1", "entry");
        var error = await Assert.ThrowsAsync<RedisMisconfigurationException>(() => committer.CommitAsync(batch));
        Assert.Contains("HSET", error.Message);
        Assert.Contains(keys.Originating.ToString(), error.Message);
        Assert.Contains("WRONGTYPE", error.Message);
    }

    [Fact]
    public async Task Restore_ReadsTablesCountersAndEpoch()
    {
        var database = Database;
        await database.HashSetAsync(keys.Receiving, "9:4", "received");
        await database.StringSetAsync(keys.Sequence, 41);
        await database.StringSetAsync(keys.Epoch, 6);
        var committer = new BatchCommitter(database, keys, logger);

        var state = await committer.TakeOwnershipAsync();

        Assert.Equal(7, state.Epoch);
        Assert.Equal(41, state.Sequence);
        Assert.Equal("received", Assert.Single(state.Receiving).Value);
        Assert.Empty(state.Originating);
    }

    private static async Task<RedisValue> AddPendingEntryAsync(IDatabase database)
    {
        await database.StreamCreateConsumerGroupAsync(Input.Name, Input.Group, StreamPosition.NewMessages, createStream: true);
        var id = await database.StreamAddAsync(Input.Name, "event", "{}");
        await database.StreamReadGroupAsync(Input.Name, Input.Group, "one", StreamPosition.NewMessages, 10);
        return id;
    }
}
