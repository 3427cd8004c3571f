using StepProducer.Den;

namespace StepProducer.Transport.Redis;

/// <summary>
/// Applies the <c>event</c> field of an <see cref="RedisInputKind.Events"/> entry (one CloudEvents JSON
/// document) to the DEN service. The host implements it with its CloudEvent parser, so the Redis and the
/// stdin/stdout transports accept exactly the same events.
/// </summary>
public interface IRedisInputHandler
{
    /// <summary>
    /// Parses <paramref name="cloudEvent"/> and calls the service. Returns null when every part was applied,
    /// otherwise the error for the dead-letter entry: "&lt;field path&gt;: &lt;reason&gt;" (parts accepted
    /// before a rejected one keep their effects, which commit with the dead letter).
    /// </summary>
    string? Apply(DenService service, ReadOnlySpan<byte> cloudEvent, RecordSource source);
}
