using StepProducer.Den;
using StepProducer.Encoding.Denm;
using StepProducer.Encoding.Its;
using StepProducer.Host.Input;

namespace StepProducer.Host.Stdio;

/// <summary>
/// The hidden <c>--retime</c> demo option (used by <c>./build.sh run</c>): moves the times of the bundled
/// samples to the current clock. The first event's <c>time</c> becomes "now" and later times keep their
/// distance to it, but none is moved past "now": a feeder that started its clock before this process was
/// ready runs ahead by the start-up time, and the DEN service rejects detection times in the future.
/// Clamping keeps the order of the times. A received DENM line is decoded, its detectionTime and
/// referenceTime are moved the same way, and it is encoded again. Without this option, samples recorded
/// on another day would be rejected as stale.
/// </summary>
internal sealed class InputRetimer(TimeProvider time, DenOptions den)
{
    private readonly Encoding.Denm.V1.Denm denmV1 = new();
    private readonly Encoding.Denm.V2.Denm denmV2 = new();
    private readonly byte[] encoded = new byte[InputLineParser.MaxUperBytes];
    private TimeSpan? offset;

    public void Apply(InputLineParser parser)
    {
        if (parser.Kind == InputKind.ReceivedDenm)
        {
            ShiftReceivedDenm(parser);
            return;
        }

        var now = time.GetUtcNow();
        offset ??= now - parser.Time;
        foreach (var report in parser.Collisions)
        {
            report.DetectionTime = Shift(report.DetectionTime!.Value, now);
        }

        if (parser.Kind == InputKind.Termination)
        {
            parser.Termination.DetectionTime = Shift(parser.Termination.DetectionTime!.Value, now);
        }
    }

    private DateTimeOffset Shift(DateTimeOffset instant, DateTimeOffset now)
    {
        var shifted = instant + offset!.Value;
        return shifted < now ? shifted : now;
    }

    /// <summary>Moves a received DENM like the events before it; before any event it stays as it is.</summary>
    private void ShiftReceivedDenm(InputLineParser parser)
    {
        if (offset is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        int length;
        if (den.Asn1 == Asn1Version.V1)
        {
            if (!DenmV1Codec.TryDecode(parser.Uper, denmV1, out _))
            {
                return;
            }

            var management = denmV1.Payload.Management;
            management.DetectionTime = ShiftIts(management.DetectionTime, now);
            management.ReferenceTime = ShiftIts(management.ReferenceTime, now);
            DenmV1Codec.TryEncode(denmV1, encoded, out length);
        }
        else
        {
            if (!DenmV2Codec.TryDecode(parser.Uper, denmV2, out _))
            {
                return;
            }

            var management = denmV2.Payload.Management;
            management.DetectionTime = ShiftIts(management.DetectionTime, now);
            management.ReferenceTime = ShiftIts(management.ReferenceTime, now);
            DenmV2Codec.TryEncode(denmV2, encoded, out length);
        }

        parser.ReplaceUper(encoded.AsSpan(0, length));
    }

    private long ShiftIts(long timestampIts, DateTimeOffset now) =>
        ItsTimestamp.FromDateTimeOffset(
            Shift(ItsTimestamp.ToDateTimeOffset(timestampIts, den.LeapSeconds), now), den.LeapSeconds);
}
