using StackExchange.Redis;

namespace StepProducer.Transport.Redis;

/// <summary>
/// The keys of one station's durable DEN state, all under <see cref="RedisTransportOptions.StateKeyPrefix"/>.
/// <para>
/// Layout and commit protocol (the exactly-once contract of this transport):
/// <list type="bullet">
/// <item><c>{prefix}epoch</c> (string, integer): the ownership epoch. A producer takes the station with INCR at
/// start and owns it while the value is still the one it got.</item>
/// <item><c>{prefix}batch</c> (string, integer): the number of the last committed batch. Every commit sets it
/// to the next number.</item>
/// <item><c>{prefix}originating</c>, <c>{prefix}receiving</c> (hashes): one field per table entry, keyed by
/// the ActionId; the value is the entry with its encoded DENM and due times.</item>
/// <item><c>{prefix}sequence</c> (string, integer): the ActionId sequence counter.</item>
/// </list>
/// A batch is one MULTI/EXEC under WATCH of <c>epoch</c> and <c>batch</c>, both checked against the values this
/// process last saw (SE.Redis transaction conditions): every output XADD, every state write, every XACK of
/// the batch's inputs and the new batch number. So a batch applies fully or not at all; an EXEC from a process
/// that lost the station (epoch changed) never applies; and an EXEC that arrives late (after a timeout, Redis
/// paused) can only apply if nothing else was committed since, which the next commit detects because the batch
/// number moved: that process then restores from Redis before it goes on. After an unknown outcome the
/// batch number is read back on the same multiplexer (ordered after the EXEC on that connection) to learn
/// whether the batch applied.
/// </para>
/// </summary>
public sealed class StateKeys
{
    public StateKeys(string prefix)
    {
        Prefix = prefix;
        Epoch = prefix + "epoch";
        Batch = prefix + "batch";
        Originating = prefix + "originating";
        Receiving = prefix + "receiving";
        Sequence = prefix + "sequence";
    }

    public string Prefix { get; }

    public RedisKey Epoch { get; }

    public RedisKey Batch { get; }

    public RedisKey Originating { get; }

    public RedisKey Receiving { get; }

    public RedisKey Sequence { get; }

    public IEnumerable<RedisKey> All => [Epoch, Batch, Originating, Receiving, Sequence];
}
