using StackExchange.Redis;
using StepProducer.Benchmarks.Shared;

namespace StepProducer.EndToEnd;

/// <summary>
/// Produces the input events: event i holds 1 + (i mod 4) collisions, and the collisions take the event keys
/// in turn (0, 1, ..., keys-1, 0, ...), so each key first triggers a new event and then updates it.
/// </summary>
public sealed class EventFeed(int eventKeys)
{
    /// <summary>The 1 to 4 collisions per event.</summary>
    private const int MaxCollisionsPerEvent = 4;

    private readonly StationCollisionEvents _events = new();
    private readonly int[] _keys = new int[MaxCollisionsPerEvent];
    private long _eventId;
    private int _nextKey;

    /// <summary>Collisions written so far: each becomes one DENM.</summary>
    public long Collisions { get; private set; }

    /// <summary>Distinct event keys used so far: the number of <c>new</c> DENMs.</summary>
    public long KeysUsed { get; private set; }

    /// <summary>The next event's CloudEvent (UTF-8), timed <paramref name="time"/>, as the stream entry value.</summary>
    public RedisValue Next(DateTimeOffset time)
    {
        var count = (int)(_eventId % MaxCollisionsPerEvent) + 1;
        for (var index = 0; index < count; index++)
        {
            _keys[index] = _nextKey;
            _nextKey = (_nextKey + 1) % eventKeys;
        }

        KeysUsed = Math.Max(KeysUsed, Math.Min(eventKeys, Collisions + count));
        Collisions += count;
        return _events.Write(++_eventId, time, _keys.AsSpan(0, count)).ToArray();
    }
}
