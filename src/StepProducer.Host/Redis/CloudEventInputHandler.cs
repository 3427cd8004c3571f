using StepProducer.Den;
using StepProducer.Host.Input;
using StepProducer.Transport.Redis;

namespace StepProducer.Host.Redis;

/// <summary>
/// Applies the <c>event</c> field of a Redis input entry with the same CloudEvent parser as stdin/stdout
/// mode. A parse error, or a DEN rejection of any collision item or of the termination, is the entry's
/// dead-letter error (field path and rule).
/// </summary>
internal sealed class CloudEventInputHandler : IRedisInputHandler
{
    private readonly InputLineParser parser = new();

    public string? Apply(DenService service, ReadOnlySpan<byte> cloudEvent, RecordSource source)
    {
        try
        {
            parser.Parse(cloudEvent);
        }
        catch (InputFormatException error)
        {
            return $"{error.Path}: {error.Reason}";
        }

        switch (parser.Kind)
        {
            case InputKind.StationCollisions:
                string? firstRejection = null;
                var reports = parser.Collisions;
                for (var index = 0; index < reports.Length; index++)
                {
                    var result = service.ReportCollision(reports[index], source);
                    if (result.IsRejected)
                    {
                        firstRejection ??= $"{InputLineParser.CollisionPath(index)}: {result.Reason}";
                    }
                }

                return firstRejection;
            case InputKind.Termination:
                var termination = service.Terminate(parser.Termination, source);
                return termination.IsRejected ? $"data: {termination.Reason}" : null;
            default:
                return "event: holds a received-DENM line ({\"uper\": ...}); an events stream takes CloudEvents, "
                    + "received DENMs go to a receivedDenm input as raw UPER in the field uper";
        }
    }
}
