using System.Text.Json;
using StepProducer.Encoding.Denm;
using StepProducer.Encoding.Denm.V1;
using StepProducer.Encoding.Its;
using Key = StepProducer.Encoding.Jer.JerNames;

namespace StepProducer.Encoding.Jer;

/// <summary>
/// Reads the JER of a DENM of EN 302 637-3 v1.3.1 (DENM-PDU-Descriptions) on TS 102 894-2 v1.3.1
/// (ITS-Container), checking every key, JSON type, range, SIZE and identifier as the UPER encoder does.
/// </summary>
internal static class JerV1Reader
{
    private static readonly JerSequence DenmSequence = new([Key.Header, Key.Denm]);

    private static readonly JerSequence HeaderSequence = new([Key.ProtocolVersion, Key.MessageID, Key.StationID]);

    private static readonly JerSequence PayloadSequence = new(
        [Key.Management, Key.Situation, Key.Location, Key.Alacarte], Key.Situation, Key.Location, Key.Alacarte);

    /// <summary>validityDuration is DEFAULT defaultValidity, so it may be absent like the OPTIONALs.</summary>
    private static readonly JerSequence ManagementSequence = new(
        [
            Key.ActionID, Key.DetectionTime, Key.ReferenceTime, Key.Termination, Key.EventPosition, Key.RelevanceDistance,
            Key.RelevanceTrafficDirection, Key.ValidityDuration, Key.TransmissionInterval, Key.StationType,
        ],
        Key.Termination, Key.RelevanceDistance, Key.RelevanceTrafficDirection, Key.ValidityDuration, Key.TransmissionInterval);

    private static readonly JerSequence ActionIdSequence = new([Key.OriginatingStationID, Key.SequenceNumber]);

    private static readonly JerSequence SituationSequence = new(
        [Key.InformationQuality, Key.EventType, Key.LinkedCause, Key.EventHistory], Key.LinkedCause, Key.EventHistory);

    private static readonly JerSequence CauseCodeSequence = new([Key.CauseCode, Key.SubCauseCode]);

    private static readonly JerSequence LocationSequence = new(
        [Key.EventSpeed, Key.EventPositionHeading, Key.Traces, Key.RoadType], Key.EventSpeed, Key.EventPositionHeading, Key.RoadType);

    private static readonly JerSequence HeadingSequence = new([Key.HeadingValue, Key.HeadingConfidence]);

    public static Denm.V1.Denm Read(ReadOnlySpan<byte> json) => JerRead.ReadDocument(json, ReadDenm);

    private static Denm.V1.Denm ReadDenm(ref Utf8JsonReader reader, JerPath path) =>
        DenmSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref Denm.V1.Denm denm) =>
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

    private static ItsPduHeader ReadHeader(ref Utf8JsonReader reader, JerPath path) =>
        HeaderSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref ItsPduHeader header) =>
        {
            const int protocolVersion = 0, messageId = 1;
            switch (key)
            {
                case protocolVersion:
                    header.ProtocolVersion = JerRead.ReadInt32(ref r, p, JerRange.Octet);
                    break;
                case messageId:
                    header.MessageID = JerRead.ReadInt32(ref r, p, JerRange.Octet);
                    break;
                default:
                    header.StationID = (uint)JerRead.ReadInteger(ref r, p, JerRange.StationId);
                    break;
            }
        });

    private static DecentralizedEnvironmentalNotificationMessage ReadPayload(ref Utf8JsonReader reader, JerPath path) =>
        PayloadSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref DecentralizedEnvironmentalNotificationMessage payload) =>
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

    /// <summary>An absent validityDuration is its DEFAULT, which a new model holds.</summary>
    private static ManagementContainer ReadManagement(ref Utf8JsonReader reader, JerPath path) =>
        ManagementSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref ManagementContainer management) =>
        {
            const int actionId = 0, detectionTime = 1, referenceTime = 2, termination = 3, eventPosition = 4,
                relevanceDistance = 5, relevanceTrafficDirection = 6, validityDuration = 7, transmissionInterval = 8;
            switch (key)
            {
                case actionId:
                    management.ActionID = ReadActionId(ref r, p);
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
                case relevanceDistance:
                    management.RelevanceDistance = (RelevanceDistance)JerIdentifiers.RelevanceDistance.Read(ref r, p);
                    break;
                case relevanceTrafficDirection:
                    management.RelevanceTrafficDirection = (RelevanceTrafficDirection)JerIdentifiers.RelevanceTrafficDirection.Read(ref r, p);
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

    private static ActionID ReadActionId(ref Utf8JsonReader reader, JerPath path) =>
        ActionIdSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref ActionID actionId) =>
        {
            const int originatingStationId = 0;
            if (key == originatingStationId)
            {
                actionId.OriginatingStationID = (uint)JerRead.ReadInteger(ref r, p, JerRange.StationId);
            }
            else
            {
                actionId.SequenceNumber = JerRead.ReadInt32(ref r, p, JerRange.SequenceNumber);
            }
        });

    private static CauseCode ReadCauseCode(ref Utf8JsonReader reader, JerPath path) =>
        CauseCodeSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref CauseCode cause) =>
        {
            const int causeCode = 0;
            if (key == causeCode)
            {
                cause.CauseCodeType = JerRead.ReadInt32(ref r, p, JerRange.Octet);
            }
            else
            {
                cause.SubCauseCode = JerRead.ReadInt32(ref r, p, JerRange.Octet);
            }
        });

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
                    situation.EventType = ReadCauseCode(ref r, p);
                    break;
                case linkedCause:
                    situation.LinkedCause = ReadCauseCode(ref r, p);
                    break;
                default:
                    situation.EventHistory = JerCommonReader.ReadEventHistory(ref r, p);
                    break;
            }
        });

    private static LocationContainer ReadLocation(ref Utf8JsonReader reader, JerPath path) =>
        LocationSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref LocationContainer location) =>
        {
            const int eventSpeed = 0, eventPositionHeading = 1, traces = 2;
            switch (key)
            {
                case eventSpeed:
                    location.EventSpeed = JerCommonReader.ReadSpeed(ref r, p);
                    break;
                case eventPositionHeading:
                    location.EventPositionHeading = ReadHeading(ref r, p);
                    break;
                case traces:
                    location.Traces = JerCommonReader.ReadTraces(ref r, p);
                    break;
                default:
                    location.RoadType = (RoadType)JerIdentifiers.RoadType.Read(ref r, p);
                    break;
            }
        });

    private static Heading ReadHeading(ref Utf8JsonReader reader, JerPath path) =>
        HeadingSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref Heading heading) =>
        {
            const int headingValue = 0;
            if (key == headingValue)
            {
                heading.HeadingValue = JerRead.ReadInt32(ref r, p, JerRange.HeadingValue);
            }
            else
            {
                heading.HeadingConfidence = JerRead.ReadInt32(ref r, p, JerRange.Confidence127);
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
                    alacarte.PositioningSolution = (PositioningSolutionType)JerIdentifiers.PositioningSolutionTypeV1.Read(ref r, p);
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
                    roadWorks.TrafficFlowRule = (TrafficRule)JerIdentifiers.TrafficRuleV1.Read(ref r, p);
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
