using System.Text.Json;
using StepProducer.Encoding.Denm;
using StepProducer.Encoding.Denm.V2;
using StepProducer.Encoding.Its;
using Key = StepProducer.Encoding.Jer.JerNames;

namespace StepProducer.Encoding.Jer;

/// <summary>
/// Reads the JER of a DENM of TS 103 831 v2.2.1 (DENM-PDU-Description) on TS 102 894-2 v2.2.1 (ETSI-ITS-CDD),
/// checking every key, JSON type, range, SIZE and identifier, and the module's constraints, as the UPER
/// encoder does. Extension additions kept as raw UPER bytes have no JER, so they are never read.
/// </summary>
internal static class JerV2Reader
{
    private static readonly JerSequence DenmSequence = new([Key.Header, Key.Denm]);

    private static readonly JerSequence HeaderSequence = new([Key.ProtocolVersion, Key.MessageId, Key.StationId]);

    private static readonly JerSequence PayloadSequence = new(
        [Key.Management, Key.Situation, Key.Location, Key.Alacarte], Key.Situation, Key.Location, Key.Alacarte);

    /// <summary>validityDuration is DEFAULT defaultValidity, so it may be absent like the OPTIONALs.</summary>
    private static readonly JerSequence ManagementSequence = new(
        [
            Key.ActionId, Key.DetectionTime, Key.ReferenceTime, Key.Termination, Key.EventPosition, Key.AwarenessDistance,
            Key.TrafficDirection, Key.ValidityDuration, Key.TransmissionInterval, Key.StationType,
        ],
        Key.Termination, Key.AwarenessDistance, Key.TrafficDirection, Key.ValidityDuration, Key.TransmissionInterval);

    private static readonly JerSequence ActionIdSequence = new([Key.OriginatingStationId, Key.SequenceNumber]);

    /// <summary>linkedDenms and eventEnd are the extension addition group, whose components are OPTIONAL.</summary>
    private static readonly JerSequence SituationSequence = new(
        [Key.InformationQuality, Key.EventType, Key.LinkedCause, Key.EventZone, Key.LinkedDenms, Key.EventEnd],
        Key.LinkedCause, Key.EventZone, Key.LinkedDenms, Key.EventEnd);

    private static readonly JerSequence CauseCodeSequence = new([Key.CcAndScc]);

    private static readonly JerSequence LocationSequence = new(
        [Key.EventSpeed, Key.EventPositionHeading, Key.DetectionZonesToEventPosition, Key.RoadType],
        Key.EventSpeed, Key.EventPositionHeading, Key.RoadType);

    private static readonly JerSequence Wgs84AngleSequence = new([Key.Value, Key.Confidence]);

    /// <summary>The header's only protocolVersion and messageId in a v2.2.1 DENM.</summary>
    private static readonly JerRange ProtocolVersionRange = new(Denm.V2.Denm.ProtocolVersion, Denm.V2.Denm.ProtocolVersion);
    private static readonly JerRange MessageIdRange = new(Denm.V2.Denm.MessageId, Denm.V2.Denm.MessageId);

    public static Denm.V2.Denm Read(ReadOnlySpan<byte> json) => JerRead.ReadDocument(json, ReadDenm);

    private static Denm.V2.Denm ReadDenm(ref Utf8JsonReader reader, JerPath path) =>
        DenmSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref Denm.V2.Denm denm) =>
        {
            const int header = 0;
            if (key == header)
            {
                denm.Header = ReadHeader(ref r, p);
            }
            else
            {
                denm.Payload = ReadPayload(ref r, p);
            }
        });

    /// <summary>
    /// ItsPduHeader, with TS 103 831 v2.2.1's constraint on it in DENM:
    /// <c>WITH COMPONENTS {..., protocolVersion (2), messageId(denm)}</c>.
    /// </summary>
    private static ItsPduHeader ReadHeader(ref Utf8JsonReader reader, JerPath path) =>
        HeaderSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref ItsPduHeader header) =>
        {
            const int protocolVersion = 0, messageId = 1;
            switch (key)
            {
                case protocolVersion:
                    header.ProtocolVersion = JerRead.ReadInt32(ref r, p, ProtocolVersionRange);
                    break;
                case messageId:
                    header.MessageId = JerRead.ReadInt32(ref r, p, MessageIdRange);
                    break;
                default:
                    header.StationId = (uint)JerRead.ReadInteger(ref r, p, JerRange.StationId);
                    break;
            }
        });

    /// <summary>
    /// DenmPayload, with its constraint (TS 103 831 v2.2.1): with <c>management.termination</c> present,
    /// situation, location and alacarte are absent; without it, situation and location are present.
    /// </summary>
    private static DenmPayload ReadPayload(ref Utf8JsonReader reader, JerPath path)
    {
        var payload = PayloadSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref DenmPayload payload) =>
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
                    payload.Alacarte = ReadAlacarte(ref r, p);
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

    /// <summary>An absent validityDuration is its DEFAULT, which a new model holds.</summary>
    private static ManagementContainer ReadManagement(ref Utf8JsonReader reader, JerPath path) =>
        ManagementSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref ManagementContainer management) =>
        {
            const int actionId = 0, detectionTime = 1, referenceTime = 2, termination = 3, eventPosition = 4,
                awarenessDistance = 5, trafficDirection = 6, validityDuration = 7, transmissionInterval = 8;
            switch (key)
            {
                case actionId:
                    management.ActionId = ReadActionId(ref r, p);
                    break;
                case detectionTime:
                    management.DetectionTime = JerRead.ReadInteger(ref r, p, JerRange.TimestampIts);
                    break;
                case referenceTime:
                    management.ReferenceTime = JerRead.ReadInteger(ref r, p, JerRange.TimestampIts);
                    break;
                case termination:
                    management.Termination = (Termination)JerIdentifiers.Termination.Read(ref r, p);
                    break;
                case eventPosition:
                    management.EventPosition = JerCommonReader.ReadReferencePosition(ref r, p);
                    break;
                case awarenessDistance:
                    management.AwarenessDistance = (StandardLength3b)JerIdentifiers.RelevanceDistance.Read(ref r, p);
                    break;
                case trafficDirection:
                    management.TrafficDirection = (TrafficDirection)JerIdentifiers.TrafficDirection.Read(ref r, p);
                    break;
                case validityDuration:
                    management.ValidityDuration = JerRead.ReadInt32(ref r, p, JerRange.ValidityDuration);
                    break;
                case transmissionInterval:
                    management.TransmissionInterval = JerRead.ReadInt32(ref r, p, JerRange.TransmissionInterval);
                    break;
                default:
                    management.StationType = JerRead.ReadInt32(ref r, p, JerRange.Octet);
                    break;
            }
        });

    private static ActionId ReadActionId(ref Utf8JsonReader reader, JerPath path) =>
        ActionIdSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref ActionId actionId) =>
        {
            const int originatingStationId = 0;
            if (key == originatingStationId)
            {
                actionId.OriginatingStationId = (uint)JerRead.ReadInteger(ref r, p, JerRange.StationId);
            }
            else
            {
                actionId.SequenceNumber = JerRead.ReadInt32(ref r, p, JerRange.SequenceNumber);
            }
        });

    /// <summary>CauseCodeV2: <c>{"ccAndScc": {"&lt;CauseCodeChoice alternative&gt;": subCauseCode}}</c>.</summary>
    private static CauseCodeV2 ReadCauseCode(ref Utf8JsonReader reader, JerPath path) =>
        CauseCodeSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref CauseCodeV2 cause) =>
        {
            cause.CauseCode = JerRead.StartChoice(ref r, p, JerIdentifiers.CauseCodeChoice);

            // Every alternative's type is SubCauseCodeType or a named-number form of it: INTEGER (0..255).
            cause.SubCauseCode = JerRead.ReadInt32(ref r, p, JerRange.Octet);
            JerRead.EndChoice(ref r, p);
        });

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
                    situation.EventType = ReadCauseCode(ref r, p);
                    break;
                case linkedCause:
                    situation.LinkedCause = ReadCauseCode(ref r, p);
                    break;
                case eventZone:
                    situation.EventZone = ReadEventZone(ref r, p);
                    break;
                case linkedDenms:
                    situation.LinkedDenms = JerRead.ReadList(ref r, p, JerRange.ExtensibleSize, ReadActionId);
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

    private static LocationContainer ReadLocation(ref Utf8JsonReader reader, JerPath path) =>
        LocationSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref LocationContainer location) =>
        {
            const int eventSpeed = 0, eventPositionHeading = 1, detectionZones = 2;
            switch (key)
            {
                case eventSpeed:
                    location.EventSpeed = JerCommonReader.ReadSpeed(ref r, p);
                    break;
                case eventPositionHeading:
                    location.EventPositionHeading = ReadWgs84Angle(ref r, p);
                    break;
                case detectionZones:
                    location.DetectionZonesToEventPosition = JerCommonReader.ReadTraces(ref r, p);
                    break;
                default:
                    location.RoadType = (RoadType)JerIdentifiers.RoadType.Read(ref r, p);
                    break;
            }
        });

    private static Wgs84Angle ReadWgs84Angle(ref Utf8JsonReader reader, JerPath path) =>
        Wgs84AngleSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref Wgs84Angle angle) =>
        {
            const int value = 0;
            if (key == value)
            {
                angle.Value = JerRead.ReadInt32(ref r, p, JerRange.HeadingValue);
            }
            else
            {
                angle.Confidence = JerRead.ReadInt32(ref r, p, JerRange.Confidence127);
            }
        });

    private static AlacarteContainer ReadAlacarte(ref Utf8JsonReader reader, JerPath path) =>
        JerCommonReader.AlacarteSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref AlacarteContainer alacarte) =>
        {
            const int lanePosition = 0, impactReduction = 1, externalTemperature = 2, roadWorks = 3, positioningSolution = 4;
            switch (key)
            {
                case lanePosition:
                    alacarte.LanePosition = JerRead.ReadInt32(ref r, p, JerRange.LanePosition);
                    break;
                case impactReduction:
                    alacarte.ImpactReduction = JerCommonReader.ReadImpactReduction(ref r, p);
                    break;
                case externalTemperature:
                    alacarte.ExternalTemperature = JerRead.ReadInt32(ref r, p, JerRange.Temperature);
                    break;
                case roadWorks:
                    alacarte.RoadWorks = ReadRoadWorks(ref r, p);
                    break;
                case positioningSolution:
                    alacarte.PositioningSolution = (PositioningSolutionType)JerIdentifiers.PositioningSolutionTypeV2.Read(ref r, p);
                    break;
                default:
                    alacarte.StationaryVehicle = ReadStationaryVehicle(ref r, p);
                    break;
            }
        });

    private static RoadWorksContainerExtended ReadRoadWorks(ref Utf8JsonReader reader, JerPath path) =>
        JerCommonReader.RoadWorksSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref RoadWorksContainerExtended roadWorks) =>
        {
            const int lightBarSirenInUse = 0, closedLanes = 1, restriction = 2, speedLimit = 3, incidentIndication = 4,
                recommendedPath = 5, startingPointSpeedLimit = 6, trafficFlowRule = 7;
            switch (key)
            {
                case lightBarSirenInUse:
                    roadWorks.LightBarSirenInUse = JerCommonReader.ReadLightBarSirenInUse(ref r, p);
                    break;
                case closedLanes:
                    roadWorks.ClosedLanes = JerCommonReader.ReadClosedLanes(ref r, p);
                    break;
                case restriction:
                    roadWorks.Restriction = JerCommonReader.ReadRestriction(ref r, p);
                    break;
                case speedLimit:
                    roadWorks.SpeedLimit = JerRead.ReadInt32(ref r, p, JerRange.OneTo255);
                    break;
                case incidentIndication:
                    roadWorks.IncidentIndication = ReadCauseCode(ref r, p);
                    break;
                case recommendedPath:
                    roadWorks.RecommendedPath = JerCommonReader.ReadItineraryPath(ref r, p);
                    break;
                case startingPointSpeedLimit:
                    roadWorks.StartingPointSpeedLimit = JerCommonReader.ReadDeltaReferencePosition(ref r, p);
                    break;
                case trafficFlowRule:
                    roadWorks.TrafficFlowRule = (TrafficRule)JerIdentifiers.TrafficRuleV2.Read(ref r, p);
                    break;
                default:
                    roadWorks.ReferenceDenms = JerRead.ReadList(ref r, p, JerRange.ExtensibleSize, ReadActionId);
                    break;
            }
        });

    private static StationaryVehicleContainer ReadStationaryVehicle(ref Utf8JsonReader reader, JerPath path) =>
        JerCommonReader.StationaryVehicleSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref StationaryVehicleContainer stationary) =>
        {
            const int stationarySince = 0, stationaryCause = 1, carryingDangerousGoods = 2, numberOfOccupants = 3,
                vehicleIdentification = 4;
            switch (key)
            {
                case stationarySince:
                    stationary.StationarySince = (StationarySince)JerIdentifiers.StationarySince.Read(ref r, p);
                    break;
                case stationaryCause:
                    stationary.StationaryCause = ReadCauseCode(ref r, p);
                    break;
                case carryingDangerousGoods:
                    stationary.CarryingDangerousGoods = JerCommonReader.ReadDangerousGoods(ref r, p);
                    break;
                case numberOfOccupants:
                    stationary.NumberOfOccupants = JerRead.ReadInt32(ref r, p, JerRange.NumberOfOccupants);
                    break;
                case vehicleIdentification:
                    stationary.VehicleIdentification = JerCommonReader.ReadVehicleIdentification(ref r, p);
                    break;
                default:
                    stationary.EnergyStorageType = JerCommonReader.ReadEnergyStorageType(ref r, p);
                    break;
            }
        });
}
