using StepProducer.Den;
using StepProducer.Encoding.Denm;
using StepProducer.Host.Input;

namespace StepProducer.Host.Stdio;

/// <summary>
/// The hidden <c>--retime</c> demo option (used by <c>./build.sh run</c>): shifts the times of the bundled
/// samples so that the first event's <c>time</c> becomes "now" and later ones keep their spacing. Without
/// it, samples recorded on another day would be rejected as stale. A received DENM line is decoded, its
/// detectionTime and referenceTime shifted by the same amount, and encoded again.
/// </summary>
internal sealed class InputRetimer(TimeProvider time, Asn1Version asn1)
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

        var shift = offset ??= time.GetUtcNow() - parser.Time;
        foreach (var report in parser.Collisions)
        {
            report.DetectionTime += shift;
        }

        if (parser.Kind == InputKind.Termination)
        {
            parser.Termination.DetectionTime += shift;
        }
    }

    /// <summary>Shifts a received DENM by the offset of the events before it; before any event it stays as it is.</summary>
    private void ShiftReceivedDenm(InputLineParser parser)
    {
        if (offset is not { } shift)
        {
            return;
        }

        var milliseconds = (long)shift.TotalMilliseconds;
        int length;
        if (asn1 == Asn1Version.V1)
        {
            if (!DenmV1Codec.TryDecode(parser.Uper, denmV1, out _))
            {
                return;
            }

            denmV1.Payload.Management.DetectionTime += milliseconds;
            denmV1.Payload.Management.ReferenceTime += milliseconds;
            DenmV1Codec.TryEncode(denmV1, encoded, out length);
        }
        else
        {
            if (!DenmV2Codec.TryDecode(parser.Uper, denmV2, out _))
            {
                return;
            }

            denmV2.Payload.Management.DetectionTime += milliseconds;
            denmV2.Payload.Management.ReferenceTime += milliseconds;
            DenmV2Codec.TryEncode(denmV2, encoded, out length);
        }

        parser.ReplaceUper(encoded.AsSpan(0, length));
    }
}
