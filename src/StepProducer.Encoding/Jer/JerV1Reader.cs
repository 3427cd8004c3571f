using System.Text.Json;
using StepProducer.Encoding.Denm;
using StepProducer.Encoding.Denm.V1;
using StepProducer.Encoding.Its;
using Key = StepProducer.Encoding.Jer.JerNames;

namespace StepProducer.Encoding.Jer;

/// <summary>
/// Reads the JER of a DENM of EN 302 637-3 v1.3.1 (DENM-PDU-Descriptions) on TS 102 894-2 v1.3.1
/// (ITS-Container), checking every key, JSON type, range, SIZE and identifier as the UPER encoder does. The
/// header, management, location and à-la-carte containers go through the code both versions share; the
/// situation container is v1.3.1's own.
/// </summary>
internal static class JerV1Reader
{
    private static readonly JerSequence SituationSequence = new(
        [Key.InformationQuality, Key.EventType, Key.LinkedCause, Key.EventHistory], Key.LinkedCause, Key.EventHistory);

    public static Denm.V1.Denm Read(ReadOnlySpan<byte> json) => JerRead.ReadDocument(json, ReadDenm);

    private static Denm.V1.Denm ReadDenm(ref Utf8JsonReader reader, JerPath path) =>
        JerCommonReader.DenmSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref Denm.V1.Denm denm) =>
        {
            const int header = 0;
            if (key == header)
            {
                var (protocolVersion, messageId, stationId) = JerManagement<JerV1>.ReadHeader(ref r, p);
                denm.Header = new ItsPduHeader { ProtocolVersion = protocolVersion, MessageID = messageId, StationID = stationId };
            }
            else
            {
                denm.Payload = ReadPayload(ref r, p);
            }
        });

    private static DecentralizedEnvironmentalNotificationMessage ReadPayload(ref Utf8JsonReader reader, JerPath path) =>
        JerCommonReader.PayloadSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref DecentralizedEnvironmentalNotificationMessage payload) =>
        {
            const int management = 0, situation = 1, location = 2;
            switch (key)
            {
                case management:
                    payload.Management = ReadManagement(ref r, p);
                    break;
                case situation:
                    payload.Situation = ReadSituation(ref r, p);
                    break;
                case location:
                    payload.Location = ReadLocation(ref r, p);
                    break;
                default:
                    payload.Alacarte = JerAlacarte<JerV1, CauseCode, ActionID>
                        .Read<AlacarteContainer, RoadWorksContainerExtended, StationaryVehicleContainer>(ref r, p);
                    break;
            }
        });

    private static ManagementContainer ReadManagement(ref Utf8JsonReader reader, JerPath path)
    {
        var management = new ManagementContainer();
        management.SetFrom(JerManagement<JerV1>.ReadManagement(ref reader, path));
        return management;
    }

    private static SituationContainer ReadSituation(ref Utf8JsonReader reader, JerPath path) =>
        SituationSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref SituationContainer situation) =>
        {
            const int informationQuality = 0, eventType = 1, linkedCause = 2;
            switch (key)
            {
                case informationQuality:
                    situation.InformationQuality = JerRead.ReadInt32(ref r, p, JerRange.InformationQuality);
                    break;
                case eventType:
                    situation.EventType = JerV1.ReadCauseCode(ref r, p);
                    break;
                case linkedCause:
                    situation.LinkedCause = JerV1.ReadCauseCode(ref r, p);
                    break;
                default:
                    situation.EventHistory = JerCommonReader.ReadEventHistory(ref r, p);
                    break;
            }
        });

    private static LocationContainer ReadLocation(ref Utf8JsonReader reader, JerPath path)
    {
        var fields = JerLocation<JerV1>.Read(ref reader, path);
        return new LocationContainer
        {
            EventSpeed = fields.EventSpeed,
            EventPositionHeading = fields.EventPositionHeading is var (value, confidence) ? new Heading { HeadingValue = value, HeadingConfidence = confidence } : null,
            Traces = fields.Traces,
            RoadType = fields.RoadType,
        };
    }
}
