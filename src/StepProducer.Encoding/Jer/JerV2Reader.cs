using System.Text.Json;
using StepProducer.Encoding.Denm;
using StepProducer.Encoding.Denm.V2;
using StepProducer.Encoding.Its;
using Key = StepProducer.Encoding.Jer.JerNames;

namespace StepProducer.Encoding.Jer;

/// <summary>
/// Reads the JER of a DENM of TS 103 831 v2.2.1 (DENM-PDU-Description) on TS 102 894-2 v2.2.1 (ETSI-ITS-CDD),
/// checking every key, JSON type, range, SIZE and identifier, and the module's constraints, as the UPER
/// encoder does. The header, management, location and à-la-carte containers go through the code both versions
/// share; the situation container and the DenmPayload constraint are v2.2.1's own. Extension
/// additions kept as raw UPER bytes have no JER, so they are never read.
/// </summary>
internal static class JerV2Reader
{
    /// <summary>linkedDenms and eventEnd are the extension addition group, whose components are OPTIONAL.</summary>
    private static readonly JerSequence SituationSequence = new(
        [Key.InformationQuality, Key.EventType, Key.LinkedCause, Key.EventZone, Key.LinkedDenms, Key.EventEnd],
        Key.LinkedCause, Key.EventZone, Key.LinkedDenms, Key.EventEnd);

    public static Denm.V2.Denm Read(ReadOnlySpan<byte> json) => JerRead.ReadDocument(json, ReadDenm);

    private static Denm.V2.Denm ReadDenm(ref Utf8JsonReader reader, JerPath path) =>
        JerCommonReader.DenmSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref Denm.V2.Denm denm) =>
        {
            const int header = 0;
            if (key == header)
            {
                var (protocolVersion, messageId, stationId) = JerManagement<JerV2>.ReadHeader(ref r, p);
                denm.Header = new ItsPduHeader { ProtocolVersion = protocolVersion, MessageId = messageId, StationId = stationId };
            }
            else
            {
                denm.Payload = ReadPayload(ref r, p);
            }
        });

    /// <summary>
    /// DenmPayload, with its constraint (TS 103 831 v2.2.1): with <c>management.termination</c> present,
    /// situation, location and alacarte are absent; without it, situation and location are present.
    /// </summary>
    private static DenmPayload ReadPayload(ref Utf8JsonReader reader, JerPath path)
    {
        var payload = JerCommonReader.PayloadSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref DenmPayload payload) =>
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
                    payload.Alacarte = JerAlacarte<JerV2, CauseCodeV2, ActionId>
                        .Read<AlacarteContainer, RoadWorksContainerExtended, StationaryVehicleContainer>(ref r, p);
                    break;
            }
        });
        if (payload.Management.Termination is not null)
        {
            if (payload.Situation is not null || payload.Location is not null || payload.Alacarte is not null)
            {
                JerException.Throw(path, "with management.termination present, situation, location and alacarte must be absent (DenmPayload constraint)");
            }
        }
        else if (payload.Situation is null || payload.Location is null)
        {
            JerException.Throw(path, "without management.termination, situation and location must be present (DenmPayload constraint)");
        }

        return payload;
    }

    private static ManagementContainer ReadManagement(ref Utf8JsonReader reader, JerPath path)
    {
        var management = new ManagementContainer();
        management.SetFrom(JerManagement<JerV2>.ReadManagement(ref reader, path));
        return management;
    }

    /// <summary>
    /// SituationContainer with its constraints: eventZone and eventEnd are not both present, and the points of
    /// an eventZone either all have eventDeltaTime or none has.
    /// </summary>
    private static SituationContainer ReadSituation(ref Utf8JsonReader reader, JerPath path)
    {
        var situation = SituationSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref SituationContainer situation) =>
        {
            const int informationQuality = 0, eventType = 1, linkedCause = 2, eventZone = 3, linkedDenms = 4;
            switch (key)
            {
                case informationQuality:
                    situation.InformationQuality = JerRead.ReadInt32(ref r, p, JerRange.InformationQuality);
                    break;
                case eventType:
                    situation.EventType = JerV2.ReadCauseCode(ref r, p);
                    break;
                case linkedCause:
                    situation.LinkedCause = JerV2.ReadCauseCode(ref r, p);
                    break;
                case eventZone:
                    situation.EventZone = ReadEventZone(ref r, p);
                    break;
                case linkedDenms:
                    situation.LinkedDenms = JerRead.ReadList(ref r, p, JerRange.ExtensibleSize, JerV2.ReadActionId);
                    break;
                default:
                    situation.EventEnd = JerRead.ReadInt32(ref r, p, JerRange.Position1d);
                    break;
            }
        });
        if (situation.EventZone is not null && situation.EventEnd is not null)
        {
            JerException.Throw(path, "eventZone and eventEnd must not both be present (SituationContainer constraint)");
        }

        return situation;
    }

    /// <summary>EventZone: an EventHistory whose points all have eventDeltaTime, or none has.</summary>
    private static List<EventPoint> ReadEventZone(ref Utf8JsonReader reader, JerPath path)
    {
        var zone = JerCommonReader.ReadEventHistory(ref reader, path);
        var withDeltaTime = zone[0].EventDeltaTime is not null;
        for (var i = 1; i < zone.Count; i++)
        {
            if (zone[i].EventDeltaTime is not null != withDeltaTime)
            {
                path.PushIndex(i);
                JerException.Throw(path, "eventDeltaTime must be present in every point of an EventZone or in none (EventZone constraint)");
            }
        }

        return zone;
    }

    private static LocationContainer ReadLocation(ref Utf8JsonReader reader, JerPath path)
    {
        var fields = JerLocation<JerV2>.Read(ref reader, path);
        return new LocationContainer
        {
            EventSpeed = fields.EventSpeed,
            EventPositionHeading = fields.EventPositionHeading is var (value, confidence) ? new Wgs84Angle { Value = value, Confidence = confidence } : null,
            DetectionZonesToEventPosition = fields.Traces,
            RoadType = fields.RoadType,
        };
    }
}
