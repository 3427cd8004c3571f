using StackExchange.Redis;

namespace StepProducer.Transport.Redis;

/// <summary>
/// Everything one batch changes in Redis, committed by <see cref="BatchCommitter"/> in one MULTI/EXEC:
/// stream appends (outputs and dead letters), state hash writes, the sequence counter and the XACKs of the
/// batch's input entries. Reused batch after batch.
/// </summary>
public sealed class RedisBatch
{
    private readonly List<StreamAppend> appends = [];
    private readonly List<HashWrite> hashWrites = [];
    private readonly Dictionary<(string Stream, string Group), List<RedisValue>> acknowledgements = [];

    public IReadOnlyList<StreamAppend> Appends => appends;

    public IReadOnlyList<HashWrite> HashWrites => hashWrites;

    public IReadOnlyDictionary<(string Stream, string Group), List<RedisValue>> Acknowledgements => acknowledgements;

    /// <summary>The new value of the ActionId sequence counter, when the batch allocated ActionIds.</summary>
    public long? SequenceCounter { get; set; }

    /// <summary>Input entries in this batch (acknowledged ones, whether processed or dead-lettered).</summary>
    public int EntryCount { get; private set; }

    public bool IsEmpty => appends.Count == 0 && hashWrites.Count == 0 && EntryCount == 0 && SequenceCounter is null;

    /// <summary>XADD <paramref name="stream"/> MAXLEN ~ <paramref name="maxLength"/> (0 = no MAXLEN).</summary>
    public void Append(string stream, NameValueEntry[] fields, int maxLength) =>
        appends.Add(new StreamAppend(stream, fields, maxLength));

    /// <summary>HSET <paramref name="hash"/> <paramref name="field"/> <paramref name="value"/>.</summary>
    public void SetHashField(RedisKey hash, RedisValue field, RedisValue value) =>
        hashWrites.Add(new HashWrite(hash, field, value));

    /// <summary>HDEL <paramref name="hash"/> <paramref name="field"/>.</summary>
    public void DeleteHashField(RedisKey hash, RedisValue field) =>
        hashWrites.Add(new HashWrite(hash, field, RedisValue.Null));

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

    public void Clear()
    {
        appends.Clear();
        hashWrites.Clear();
        foreach (var ids in acknowledgements.Values)
        {
            ids.Clear();
        }

        SequenceCounter = null;
        EntryCount = 0;
    }
}

/// <summary>One XADD of a batch.</summary>
public readonly record struct StreamAppend(string Stream, NameValueEntry[] Fields, int MaxLength);

/// <summary>One HSET (or HDEL when <see cref="Value"/> is null) of a batch.</summary>
public readonly record struct HashWrite(RedisKey Hash, RedisValue Field, RedisValue Value);
