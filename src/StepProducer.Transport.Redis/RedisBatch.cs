using StackExchange.Redis;

namespace StepProducer.Transport.Redis;

/// <summary>
/// Everything one batch changes in Redis, committed by <see cref="BatchCommitter"/> in one MULTI/EXEC:
/// stream appends (outputs and dead letters), state hash writes, the sequence counter and the XACKs of the
/// batch's input entries. Reused batch after batch; <see cref="Arena"/> holds the memory of its values.
/// <para>
/// The hash writes are folded per hash: one HDEL with every removed field, then one HSET with every written
/// field, so a DENM costs the transaction its XADD and one field of an HSET rather than a command of its own.
/// HDEL before HSET is the order of one <see cref="Den.DenStateBatch"/> (removals, then upserts), which the
/// producer applies once per batch; a second removal after a write in the same batch would need the other
/// order, so it is refused (<see cref="InvalidOperationException"/>).
/// </para>
/// </summary>
public sealed class RedisBatch
{
    private readonly List<StreamAppend> appends = [];
    private readonly Dictionary<RedisKey, HashChanges> hashChanges = [];
    private readonly Dictionary<(string Stream, string Group), List<RedisValue>> acknowledgements = [];

    public IReadOnlyList<StreamAppend> Appends => appends;

    /// <summary>The hashes this batch writes to; the ones without changes have empty lists.</summary>
    public IReadOnlyDictionary<RedisKey, HashChanges> HashChanges => hashChanges;

    public IReadOnlyDictionary<(string Stream, string Group), List<RedisValue>> Acknowledgements => acknowledgements;

    /// <summary>The memory of this batch's values, free again once its commit has returned.</summary>
    public BatchArena Arena { get; } = new();

    /// <summary>The new value of the ActionId sequence counter, when the batch allocated ActionIds.</summary>
    public long? SequenceCounter { get; set; }

    /// <summary>Input entries in this batch (acknowledged ones, whether processed or dead-lettered).</summary>
    public int EntryCount { get; private set; }

    /// <summary>HSET and HDEL fields in this batch.</summary>
    public int HashFieldCount { get; private set; }

    public bool IsEmpty => appends.Count == 0 && HashFieldCount == 0 && EntryCount == 0 && SequenceCounter is null;

    /// <summary>XADD <paramref name="stream"/> MAXLEN ~ <paramref name="maxLength"/> (0 = no MAXLEN).</summary>
    public void Append(string stream, NameValueEntry[] fields, int maxLength) =>
        appends.Add(new StreamAppend(stream, fields, maxLength));

    /// <summary>Field <paramref name="field"/> of the batch's HSET of <paramref name="hash"/>.</summary>
    public void SetHashField(RedisKey hash, RedisValue field, RedisValue value)
    {
        Changes(hash).Writes.Add(new HashEntry(field, value));
        HashFieldCount++;
    }

    /// <summary>Field <paramref name="field"/> of the batch's HDEL of <paramref name="hash"/>, which runs before its HSET.</summary>
    public void DeleteHashField(RedisKey hash, RedisValue field)
    {
        var changes = Changes(hash);
        if (changes.Writes.Count > 0)
        {
            throw new InvalidOperationException(
                $"HDEL of '{hash}' after an HSET in the same batch: the batch runs HDEL first, so the state store must be flushed once per batch");
        }

        changes.Removals.Add(field);
        HashFieldCount++;
    }

    /// <summary>XACK of one input entry, in the same transaction as its effects.</summary>
    public void Acknowledge(RedisInput input, RedisValue entryId)
    {
        var key = (input.Name, input.Group);
        if (!acknowledgements.TryGetValue(key, out var ids))
        {
            ids = [];
            acknowledgements[key] = ids;
        }

        ids.Add(entryId);
        EntryCount++;
    }

    /// <summary>
    /// Empties the batch. <paramref name="commitReturned"/>: the commit returned (applied or not), so
    /// StackExchange.Redis is done with the values and their memory is reused; false when it threw.
    /// </summary>
    public void Clear(bool commitReturned)
    {
        appends.Clear();
        foreach (var changes in hashChanges.Values)
        {
            changes.Removals.Clear();
            changes.Writes.Clear();
        }

        foreach (var ids in acknowledgements.Values)
        {
            ids.Clear();
        }

        SequenceCounter = null;
        EntryCount = 0;
        HashFieldCount = 0;
        if (commitReturned)
        {
            Arena.Reuse();
        }
        else
        {
            Arena.Abandon();
        }
    }

    private HashChanges Changes(RedisKey hash)
    {
        if (!hashChanges.TryGetValue(hash, out var changes))
        {
            changes = new HashChanges();
            hashChanges[hash] = changes;
        }

        return changes;
    }
}

/// <summary>One XADD of a batch.</summary>
public readonly record struct StreamAppend(string Stream, NameValueEntry[] Fields, int MaxLength);

/// <summary>The fields one batch removes from (HDEL) and then writes to (HSET) one hash.</summary>
public sealed class HashChanges
{
    public List<RedisValue> Removals { get; } = [];

    public List<HashEntry> Writes { get; } = [];
}
