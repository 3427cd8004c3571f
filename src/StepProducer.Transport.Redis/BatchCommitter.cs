using System.Globalization;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace StepProducer.Transport.Redis;

/// <summary>The durable state as read in one MULTI/EXEC: a consistent snapshot.</summary>
public sealed record StateSnapshot(
    long Epoch, long Batch, long Sequence, HashEntry[] Originating, HashEntry[] Receiving);

/// <summary>What became of a commit.</summary>
public enum CommitOutcome
{
    /// <summary>Every command of the batch applied.</summary>
    Committed,

    /// <summary>Nothing applied; the caller restores its state from Redis and processes the inputs again.</summary>
    NotApplied,
}

/// <summary>
/// Takes ownership of a station's state and commits batches under the ownership epoch and the batch number
/// (see <see cref="StateKeys"/> for the protocol).
/// </summary>
public sealed class BatchCommitter(IDatabase database, StateKeys keys, ILogger logger)
{
    /// <summary>Every command of the batch being committed, with its name and key for the error of a failed one.</summary>
    private readonly List<(Task Reply, string Command, RedisKey Key)> replies = [];

    /// <summary>The epoch this process got when it took the station; 0 before <see cref="TakeOwnershipAsync"/>.</summary>
    public long Epoch { get; private set; }

    /// <summary>The last batch number this process knows is committed.</summary>
    public long LastBatch { get; private set; }

    /// <summary>INCR of the epoch and a snapshot of the state in one MULTI/EXEC.</summary>
    public async Task<StateSnapshot> TakeOwnershipAsync()
    {
        var transaction = database.CreateTransaction();
        var epoch = transaction.StringIncrementAsync(keys.Epoch);
        var snapshot = ReadSnapshot(transaction);
        await transaction.ExecuteAsync();
        Epoch = await epoch;
        var state = await snapshot(Epoch);
        LastBatch = state.Batch;
        RedisLog.OwnershipTaken(logger, keys.Prefix, Epoch, state.Batch, state.Originating.Length, state.Receiving.Length);
        return state;
    }

    /// <summary>
    /// A consistent snapshot of the state, for a restore after a failed or conflicting commit. Throws
    /// <see cref="OwnershipLostException"/> when another producer took the station meanwhile.
    /// </summary>
    public async Task<StateSnapshot> RestoreAsync(string reason)
    {
        var transaction = database.CreateTransaction();
        var epoch = transaction.StringGetAsync(keys.Epoch);
        var snapshot = ReadSnapshot(transaction);
        await transaction.ExecuteAsync();
        var current = ToLong(await epoch);
        ThrowIfNotOwner(current);
        var state = await snapshot(current);
        LastBatch = state.Batch;
        RedisLog.StateRestored(logger, state.Batch, reason);
        return state;
    }

    /// <summary>
    /// Reads the epoch; throws <see cref="OwnershipLostException"/> when another producer took the station.
    /// An idle producer has nothing to commit, so this is how it learns it was replaced.
    /// </summary>
    public async Task ThrowIfReplacedAsync() => ThrowIfNotOwner(ToLong(await database.StringGetAsync(keys.Epoch)));

    /// <summary>
    /// Commits the batch in one MULTI/EXEC under WATCH of the epoch and the batch number. Throws
    /// <see cref="OwnershipLostException"/> (fenced), <see cref="RedisMisconfigurationException"/> (a command
    /// failed at run time), or a transient error when even the read-back of the batch number failed (the
    /// caller waits for Redis and restores, which resolves the outcome the same way).
    /// </summary>
    public async Task<CommitOutcome> CommitAsync(RedisBatch batch)
    {
        var number = LastBatch + 1;
        var transaction = database.CreateTransaction();
        transaction.AddCondition(Condition.StringEqual(keys.Epoch, Epoch));
        transaction.AddCondition(LastBatch == 0 ? Condition.KeyNotExists(keys.Batch) : Condition.StringEqual(keys.Batch, LastBatch));
        // Reused batch after batch (the loop commits one batch at a time); the key names a failed command.
        replies.Clear();
        foreach (var append in batch.Appends)
        {
            replies.Add((transaction.StreamAddAsync(
                append.Stream, append.Fields, messageId: null,
                maxLength: append.MaxLength == 0 ? null : append.MaxLength,
                useApproximateMaxLength: true), "XADD", append.Stream));
        }

        // A single field or ID (every batch of one input entry) goes without the array of the many-value form.
        foreach (var (hash, changes) in batch.HashChanges)
        {
            if (changes.Removals.Count > 0)
            {
                replies.Add((changes.Removals.Count == 1
                    ? transaction.HashDeleteAsync(hash, changes.Removals[0])
                    : transaction.HashDeleteAsync(hash, changes.Removals.ToArray()), "HDEL", hash));
            }

            if (changes.Writes.Count > 0)
            {
                replies.Add((changes.Writes.Count == 1
                    ? transaction.HashSetAsync(hash, changes.Writes[0].Name, changes.Writes[0].Value)
                    : transaction.HashSetAsync(hash, changes.Writes.ToArray()), "HSET", hash));
            }
        }

        if (batch.SequenceCounter is { } sequence)
        {
            replies.Add((transaction.StringSetAsync(keys.Sequence, sequence), "SET", keys.Sequence));
        }

        foreach (var ((stream, group), ids) in batch.Acknowledgements)
        {
            if (ids.Count > 0)
            {
                replies.Add((ids.Count == 1
                    ? transaction.StreamAcknowledgeAsync(stream, group, ids[0])
                    : transaction.StreamAcknowledgeAsync(stream, group, ids.ToArray()), "XACK", stream));
            }
        }

        replies.Add((transaction.StringSetAsync(keys.Batch, number), "SET", keys.Batch));

        bool applied;
        try
        {
            applied = await transaction.ExecuteAsync();
        }
        catch (Exception error) when (RedisConnector.IsTransient(error))
        {
            RedisLog.CommitUnknown(logger, number, error.Message);
            return await ResolveUnknownAsync(number);
        }

        if (!applied)
        {
            var epoch = ToLong(await database.StringGetAsync(keys.Epoch));
            ThrowIfNotOwner(epoch);
            RedisLog.CommitConflict(logger, number);
            return CommitOutcome.NotApplied;
        }

        await ThrowOnFailedCommandAsync(number);
        LastBatch = number;
        return CommitOutcome.Committed;
    }

    /// <summary>
    /// Reads the epoch and batch number back (on the same multiplexer, so after the EXEC on that connection)
    /// to learn whether a batch whose EXEC timed out applied.
    /// </summary>
    private async Task<CommitOutcome> ResolveUnknownAsync(long number)
    {
        // MGET is atomic: both values from one moment.
        var values = await database.StringGetAsync([keys.Epoch, keys.Batch]);
        ThrowIfNotOwner(ToLong(values[0]));
        if (ToLong(values[1]) == number)
        {
            LastBatch = number;
            return CommitOutcome.Committed;
        }

        return CommitOutcome.NotApplied;
    }

    private async Task ThrowOnFailedCommandAsync(long number)
    {
        foreach (var (reply, command, key) in replies)
        {
            try
            {
                await reply;
            }
            catch (RedisServerException error)
            {
                RedisLog.CommandFailed(logger, command, key.ToString(), number, error.Message);
                throw new RedisMisconfigurationException(
                    $"Redis command {command} on '{key}' failed inside batch {number}: {error.Message}");
            }
        }
    }

    private Func<long, Task<StateSnapshot>> ReadSnapshot(ITransaction transaction)
    {
        var counters = transaction.StringGetAsync([keys.Batch, keys.Sequence]);
        var originating = transaction.HashGetAllAsync(keys.Originating);
        var receiving = transaction.HashGetAllAsync(keys.Receiving);
        return async epoch =>
        {
            var values = await counters;
            return new StateSnapshot(epoch, ToLong(values[0]), ToLong(values[1]), await originating, await receiving);
        };
    }

    private void ThrowIfNotOwner(long currentEpoch)
    {
        if (currentEpoch != Epoch)
        {
            RedisLog.OwnershipLost(logger, keys.Prefix, currentEpoch, Epoch);
            throw new OwnershipLostException(keys.Prefix, Epoch, currentEpoch);
        }
    }

    /// <summary>A missing key reads as 0 (no epoch taken, no batch committed, no ActionId allocated yet).</summary>
    private static long ToLong(RedisValue value) =>
        value.IsNull ? 0 : long.Parse((string)value!, NumberStyles.None, CultureInfo.InvariantCulture);
}
