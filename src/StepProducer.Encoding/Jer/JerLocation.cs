using System.Text.Json;
using StepProducer.Encoding.Its;
using Key = StepProducer.Encoding.Jer.JerNames;

namespace StepProducer.Encoding.Jer;

/// <summary>
/// The values of a LocationContainer's root components, the same in both versions under other identifiers and
/// types: EN 302 637-3 v1.3.1's eventSpeed, eventPositionHeading (Heading), traces and roadType are
/// TS 103 831 v2.2.1's eventSpeed, eventPositionHeading (Wgs84Angle), detectionZonesToEventPosition and
/// roadType, with the same constraints. Each version copies its model in and out.
/// </summary>
internal struct LocationFields
{
    public Speed? EventSpeed;
    public (int Value, int Confidence)? EventPositionHeading;
    public List<List<PathPoint>> Traces;
    public RoadType? RoadType;
}

/// <summary>
/// JER of LocationContainer (EN 302 637-3 v1.3.1 / TS 103 831 v2.2.1), its root components only: v2.2.1's
/// extension addition group has no JER here (see <see cref="JerCodec.OmittedExtensionGroups"/>).
/// <typeparamref name="TVersion"/> gives the identifiers that v2.2.1 respells.
/// </summary>
internal static class JerLocation<TVersion>
    where TVersion : IJerVersionIdentifiers
{
    private static readonly JerSequence LocationSequence = new(
        [Key.EventSpeed, Key.EventPositionHeading, TVersion.TracesKey, Key.RoadType], Key.EventSpeed, Key.EventPositionHeading, Key.RoadType);

    private static readonly JerSequence HeadingSequence = new([TVersion.HeadingValueKey, TVersion.HeadingConfidenceKey]);

    public static void Write(Utf8JsonWriter writer, in LocationFields location)
    {
        writer.WriteStartObject(Key.Location);
        if (location.EventSpeed is { } speed)
        {
            JerCommonWriter.WriteValueAndConfidence(writer, Key.EventSpeed, Key.SpeedValue, speed.SpeedValue, Key.SpeedConfidence, speed.SpeedConfidence);
        }

        if (location.EventPositionHeading is { } heading)
        {
            JerCommonWriter.WriteValueAndConfidence(
                writer, Key.EventPositionHeading, TVersion.HeadingValueKey, heading.Value, TVersion.HeadingConfidenceKey, heading.Confidence);
        }

        JerCommonWriter.WriteList(writer, TVersion.TracesKey, location.Traces, JerCommonWriter.WritePath);
        if (location.RoadType is { } roadType)
        {
            JerCommonWriter.WriteEnumerated(writer, Key.RoadType, JerIdentifiers.RoadType, (int)roadType);
        }

        writer.WriteEndObject();
    }

    public static LocationFields Read(ref Utf8JsonReader reader, JerPath path) =>
        LocationSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref LocationFields location) =>
        {
            const int eventSpeed = 0, eventPositionHeading = 1, traces = 2;
            switch (key)
            {
                case eventSpeed:
                    location.EventSpeed = JerCommonReader.ReadSpeed(ref r, p);
                    break;
                case eventPositionHeading:
                    // Wgs84AngleValue (v2.2.1) has HeadingValue's range.
                    location.EventPositionHeading = JerCommonReader.ReadValueAndConfidence(ref r, p, HeadingSequence, JerRange.HeadingValue);
                    break;
                case traces:
                    location.Traces = JerCommonReader.ReadTraces(ref r, p);
                    break;
                default:
                    location.RoadType = (RoadType)JerIdentifiers.RoadType.Read(ref r, p);
                    break;
            }
        });
}
