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
    private static readonly JsonEncodedText[] DenmKeys = [Key.Header, Key.Denm];
    private static readonly JsonEncodedText[] HeaderKeys = [Key.ProtocolVersion, Key.MessageId, Key.StationId];
    private static readonly JsonEncodedText[] PayloadKeys = [Key.Management, Key.Situation, Key.Location, Key.Alacarte];

    private static readonly JsonEncodedText[] ManagementKeys =
    [
        Key.ActionId, Key.DetectionTime, Key.ReferenceTime, Key.Termination, Key.EventPosition, Key.AwarenessDistance,
        Key.TrafficDirection, Key.ValidityDuration, Key.TransmissionInterval, Key.StationType,
    ];

    private static readonly JsonEncodedText[] ActionIdKeys = [Key.OriginatingStationId, Key.SequenceNumber];

    private static readonly JsonEncodedText[] SituationKeys =
        [Key.InformationQuality, Key.EventType, Key.LinkedCause, Key.EventZone, Key.LinkedDenms, Key.EventEnd];

    private static readonly JsonEncodedText[] CauseCodeKeys = [Key.CcAndScc];

    private static readonly JsonEncodedText[] LocationKeys =
        [Key.EventSpeed, Key.EventPositionHeading, Key.DetectionZonesToEventPosition, Key.RoadType];

    private static readonly JsonEncodedText[] Wgs84AngleKeys = [Key.Value, Key.Confidence];

    private static readonly JsonEncodedText[] AlacarteKeys =
    [
        Key.LanePosition, Key.ImpactReduction, Key.ExternalTemperature, Key.RoadWorks, Key.PositioningSolution,
        Key.StationaryVehicle,
    ];

    private static readonly JsonEncodedText[] RoadWorksKeys =
    [
        Key.LightBarSirenInUse, Key.ClosedLanes, Key.Restriction, Key.SpeedLimit, Key.IncidentIndication,
        Key.RecommendedPath, Key.StartingPointSpeedLimit, Key.TrafficFlowRule, Key.ReferenceDenms,
    ];

    private static readonly JsonEncodedText[] StationaryVehicleKeys =
    [
        Key.StationarySince, Key.StationaryCause, Key.CarryingDangerousGoods, Key.NumberOfOccupants,
        Key.VehicleIdentification, Key.EnergyStorageType,
    ];

    public static Denm.V2.Denm Read(ReadOnlySpan<byte> json) => JerRead.ReadDocument(json, ReadDenm);

    private static Denm.V2.Denm ReadDenm(ref Utf8JsonReader reader, JerPath path)
    {
        const int header = 0, payload = 1;
        var denm = new Denm.V2.Denm();
        JerRead.StartObject(ref reader, path);
        ulong seen = 0;
        int key;
        while ((key = JerRead.NextKey(ref reader, path, DenmKeys, ref seen)) >= 0)
        {
            if (key == header)
            {
                denm.Header = ReadHeader(ref reader, path);
            }
            else if (key == payload)
            {
                denm.Payload = ReadPayload(ref reader, path);
            }

            path.Pop();
        }

        JerRead.RequireKeys(path, DenmKeys, seen, JerCommonReader.AllKeys(DenmKeys));
        return denm;
    }

    /// <summary>
    /// ItsPduHeader, with TS 103 831 v2.2.1's constraint on it in DENM:
    /// <c>WITH COMPONENTS {..., protocolVersion (2), messageId(denm)}</c>.
    /// </summary>
    private static ItsPduHeader ReadHeader(ref Utf8JsonReader reader, JerPath path)
    {
        const int protocolVersion = 0, messageId = 1, stationId = 2;
        var header = new ItsPduHeader();
        JerRead.StartObject(ref reader, path);
        ulong seen = 0;
        int key;
        while ((key = JerRead.NextKey(ref reader, path, HeaderKeys, ref seen)) >= 0)
        {
            switch (key)
            {
                case protocolVersion:
                    header.ProtocolVersion = JerRead.ReadInt32(
                        ref reader, path, new JerRange(Denm.V2.Denm.ProtocolVersion, Denm.V2.Denm.ProtocolVersion));
                    break;
                case messageId:
                    header.MessageId = JerRead.ReadInt32(ref reader, path, new JerRange(Denm.V2.Denm.MessageId, Denm.V2.Denm.MessageId));
                    break;
                case stationId:
                    header.StationId = (uint)JerRead.ReadInteger(ref reader, path, JerRange.StationId);
                    break;
            }

            path.Pop();
        }

        JerRead.RequireKeys(path, HeaderKeys, seen, JerCommonReader.AllKeys(HeaderKeys));
        return header;
    }

    /// <summary>
    /// DenmPayload, with its constraint (TS 103 831 v2.2.1): with <c>management.termination</c> present,
    /// situation, location and alacarte are absent; without it, situation and location are present.
    /// </summary>
    private static DenmPayload ReadPayload(ref Utf8JsonReader reader, JerPath path)
    {
        const int management = 0, situation = 1, location = 2, alacarte = 3;
        var payload = new DenmPayload();
        JerRead.StartObject(ref reader, path);
        ulong seen = 0;
        int key;
        while ((key = JerRead.NextKey(ref reader, path, PayloadKeys, ref seen)) >= 0)
        {
            switch (key)
            {
                case management:
                    payload.Management = ReadManagement(ref reader, path);
                    break;
                case situation:
                    payload.Situation = ReadSituation(ref reader, path);
                    break;
                case location:
                    payload.Location = ReadLocation(ref reader, path);
                    break;
                case alacarte:
                    payload.Alacarte = ReadAlacarte(ref reader, path);
                    break;
            }

            path.Pop();
        }

        JerRead.RequireKeys(path, PayloadKeys, seen, 1UL << management);
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
        const int actionId = 0, detectionTime = 1, referenceTime = 2, termination = 3, eventPosition = 4,
            awarenessDistance = 5, trafficDirection = 6, validityDuration = 7, transmissionInterval = 8,
            stationType = 9;
        const ulong required = (1UL << actionId) | (1UL << detectionTime) | (1UL << referenceTime)
            | (1UL << eventPosition) | (1UL << stationType);

        // An absent validityDuration is its DEFAULT, which the model starts with.
        var management = new ManagementContainer();
        JerRead.StartObject(ref reader, path);
        ulong seen = 0;
        int key;
        while ((key = JerRead.NextKey(ref reader, path, ManagementKeys, ref seen)) >= 0)
        {
            switch (key)
            {
                case actionId:
                    management.ActionId = ReadActionId(ref reader, path);
                    break;
                case detectionTime:
                    management.DetectionTime = JerRead.ReadInteger(ref reader, path, JerRange.TimestampIts);
                    break;
                case referenceTime:
                    management.ReferenceTime = JerRead.ReadInteger(ref reader, path, JerRange.TimestampIts);
                    break;
                case termination:
                    management.Termination = (Termination)JerIdentifiers.Termination.Read(ref reader, path);
                    break;
                case eventPosition:
                    management.EventPosition = JerCommonReader.ReadReferencePosition(ref reader, path);
                    break;
                case awarenessDistance:
                    management.AwarenessDistance = (StandardLength3b)JerIdentifiers.RelevanceDistance.Read(ref reader, path);
                    break;
                case trafficDirection:
                    management.TrafficDirection = (TrafficDirection)JerIdentifiers.TrafficDirection.Read(ref reader, path);
                    break;
                case validityDuration:
                    management.ValidityDuration = JerRead.ReadInt32(ref reader, path, JerRange.ValidityDuration);
                    break;
                case transmissionInterval:
                    management.TransmissionInterval = JerRead.ReadInt32(ref reader, path, JerRange.TransmissionInterval);
                    break;
                case stationType:
                    management.StationType = JerRead.ReadInt32(ref reader, path, JerRange.Octet);
                    break;
            }

            path.Pop();
        }

        JerRead.RequireKeys(path, ManagementKeys, seen, required);
        return management;
    }

    private static ActionId ReadActionId(ref Utf8JsonReader reader, JerPath path)
    {
        const int originatingStationId = 0, sequenceNumber = 1;
        var actionId = new ActionId();
        JerRead.StartObject(ref reader, path);
        ulong seen = 0;
        int key;
        while ((key = JerRead.NextKey(ref reader, path, ActionIdKeys, ref seen)) >= 0)
        {
            if (key == originatingStationId)
            {
                actionId.OriginatingStationId = (uint)JerRead.ReadInteger(ref reader, path, JerRange.StationId);
            }
            else if (key == sequenceNumber)
            {
                actionId.SequenceNumber = JerRead.ReadInt32(ref reader, path, JerRange.SequenceNumber);
            }

            path.Pop();
        }

        JerRead.RequireKeys(path, ActionIdKeys, seen, JerCommonReader.AllKeys(ActionIdKeys));
        return actionId;
    }

    /// <summary>CauseCodeV2: <c>{"ccAndScc": {"&lt;CauseCodeChoice alternative&gt;": subCauseCode}}</c>.</summary>
    private static CauseCodeV2 ReadCauseCode(ref Utf8JsonReader reader, JerPath path)
    {
        var cause = new CauseCodeV2();
        JerRead.StartObject(ref reader, path);
        ulong seen = 0;
        while (JerRead.NextKey(ref reader, path, CauseCodeKeys, ref seen) >= 0)
        {
            cause.CauseCode = JerRead.StartChoice(ref reader, path, JerIdentifiers.CauseCodeChoice);

            // Every alternative's type is SubCauseCodeType or a named-number form of it: INTEGER (0..255).
            cause.SubCauseCode = JerRead.ReadInt32(ref reader, path, JerRange.Octet);
            JerRead.EndChoice(ref reader, path);
            path.Pop();
        }

        JerRead.RequireKeys(path, CauseCodeKeys, seen, JerCommonReader.AllKeys(CauseCodeKeys));
        return cause;
    }

    /// <summary>
    /// SituationContainer with its constraints: eventZone and eventEnd are not both present, and the points of
    /// an eventZone either all have eventDeltaTime or none has.
    /// </summary>
    private static SituationContainer ReadSituation(ref Utf8JsonReader reader, JerPath path)
    {
        const int informationQuality = 0, eventType = 1, linkedCause = 2, eventZone = 3, linkedDenms = 4, eventEnd = 5;
        const ulong required = (1UL << informationQuality) | (1UL << eventType);
        var situation = new SituationContainer();
        JerRead.StartObject(ref reader, path);
        ulong seen = 0;
        int key;
        while ((key = JerRead.NextKey(ref reader, path, SituationKeys, ref seen)) >= 0)
        {
            switch (key)
            {
                case informationQuality:
                    situation.InformationQuality = JerRead.ReadInt32(ref reader, path, JerRange.InformationQuality);
                    break;
                case eventType:
                    situation.EventType = ReadCauseCode(ref reader, path);
                    break;
                case linkedCause:
                    situation.LinkedCause = ReadCauseCode(ref reader, path);
                    break;
                case eventZone:
                    situation.EventZone = ReadEventZone(ref reader, path);
                    break;
                case linkedDenms:
                    situation.LinkedDenms = JerRead.ReadList(ref reader, path, JerCommonReader.ActionIdListSize, ReadActionId);
                    break;
                case eventEnd:
                    situation.EventEnd = JerRead.ReadInt32(ref reader, path, JerRange.Position1d);
                    break;
            }

            path.Pop();
        }

        JerRead.RequireKeys(path, SituationKeys, seen, required);
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
        const int eventSpeed = 0, eventPositionHeading = 1, detectionZones = 2, roadType = 3;
        var location = new LocationContainer();
        JerRead.StartObject(ref reader, path);
        ulong seen = 0;
        int key;
        while ((key = JerRead.NextKey(ref reader, path, LocationKeys, ref seen)) >= 0)
        {
            switch (key)
            {
                case eventSpeed:
                    location.EventSpeed = JerCommonReader.ReadSpeed(ref reader, path);
                    break;
                case eventPositionHeading:
                    location.EventPositionHeading = ReadWgs84Angle(ref reader, path);
                    break;
                case detectionZones:
                    location.DetectionZonesToEventPosition = JerCommonReader.ReadTraces(ref reader, path);
                    break;
                case roadType:
                    location.RoadType = (RoadType)JerIdentifiers.RoadType.Read(ref reader, path);
                    break;
            }

            path.Pop();
        }

        JerRead.RequireKeys(path, LocationKeys, seen, 1UL << detectionZones);
        return location;
    }

    private static Wgs84Angle ReadWgs84Angle(ref Utf8JsonReader reader, JerPath path)
    {
        const int value = 0, confidence = 1;
        var angle = new Wgs84Angle();
        JerRead.StartObject(ref reader, path);
        ulong seen = 0;
        int key;
        while ((key = JerRead.NextKey(ref reader, path, Wgs84AngleKeys, ref seen)) >= 0)
        {
            if (key == value)
            {
                angle.Value = JerRead.ReadInt32(ref reader, path, JerRange.HeadingValue);
            }
            else if (key == confidence)
            {
                angle.Confidence = JerRead.ReadInt32(ref reader, path, JerRange.Confidence127);
            }

            path.Pop();
        }

        JerRead.RequireKeys(path, Wgs84AngleKeys, seen, JerCommonReader.AllKeys(Wgs84AngleKeys));
        return angle;
    }

    private static AlacarteContainer ReadAlacarte(ref Utf8JsonReader reader, JerPath path)
    {
        const int lanePosition = 0, impactReduction = 1, externalTemperature = 2, roadWorks = 3,
            positioningSolution = 4, stationaryVehicle = 5;
        var alacarte = new AlacarteContainer();
        JerRead.StartObject(ref reader, path);
        ulong seen = 0;
        int key;
        while ((key = JerRead.NextKey(ref reader, path, AlacarteKeys, ref seen)) >= 0)
        {
            switch (key)
            {
                case lanePosition:
                    alacarte.LanePosition = JerRead.ReadInt32(ref reader, path, JerRange.LanePosition);
                    break;
                case impactReduction:
                    alacarte.ImpactReduction = JerCommonReader.ReadImpactReduction(ref reader, path);
                    break;
                case externalTemperature:
                    alacarte.ExternalTemperature = JerRead.ReadInt32(ref reader, path, JerRange.Temperature);
                    break;
                case roadWorks:
                    alacarte.RoadWorks = ReadRoadWorks(ref reader, path);
                    break;
                case positioningSolution:
                    alacarte.PositioningSolution =
                        (PositioningSolutionType)JerIdentifiers.PositioningSolutionTypeV2.Read(ref reader, path);
                    break;
                case stationaryVehicle:
                    alacarte.StationaryVehicle = ReadStationaryVehicle(ref reader, path);
                    break;
            }

            path.Pop();
        }

        return alacarte;
    }

    private static RoadWorksContainerExtended ReadRoadWorks(ref Utf8JsonReader reader, JerPath path)
    {
        const int lightBarSirenInUse = 0, closedLanes = 1, restriction = 2, speedLimit = 3, incidentIndication = 4,
            recommendedPath = 5, startingPointSpeedLimit = 6, trafficFlowRule = 7, referenceDenms = 8;
        var roadWorks = new RoadWorksContainerExtended();
        JerRead.StartObject(ref reader, path);
        ulong seen = 0;
        int key;
        while ((key = JerRead.NextKey(ref reader, path, RoadWorksKeys, ref seen)) >= 0)
        {
            switch (key)
            {
                case lightBarSirenInUse:
                    roadWorks.LightBarSirenInUse = JerCommonReader.ReadLightBarSirenInUse(ref reader, path);
                    break;
                case closedLanes:
                    roadWorks.ClosedLanes = JerCommonReader.ReadClosedLanes(ref reader, path);
                    break;
                case restriction:
                    roadWorks.Restriction = JerCommonReader.ReadRestriction(ref reader, path);
                    break;
                case speedLimit:
                    roadWorks.SpeedLimit = JerRead.ReadInt32(ref reader, path, JerRange.OneTo255);
                    break;
                case incidentIndication:
                    roadWorks.IncidentIndication = ReadCauseCode(ref reader, path);
                    break;
                case recommendedPath:
                    roadWorks.RecommendedPath = JerCommonReader.ReadItineraryPath(ref reader, path);
                    break;
                case startingPointSpeedLimit:
                    roadWorks.StartingPointSpeedLimit = JerCommonReader.ReadDeltaReferencePosition(ref reader, path);
                    break;
                case trafficFlowRule:
                    roadWorks.TrafficFlowRule = (TrafficRule)JerIdentifiers.TrafficRuleV2.Read(ref reader, path);
                    break;
                case referenceDenms:
                    roadWorks.ReferenceDenms = JerRead.ReadList(ref reader, path, JerCommonReader.ActionIdListSize, ReadActionId);
                    break;
            }

            path.Pop();
        }

        return roadWorks;
    }

    private static StationaryVehicleContainer ReadStationaryVehicle(ref Utf8JsonReader reader, JerPath path)
    {
        const int stationarySince = 0, stationaryCause = 1, carryingDangerousGoods = 2, numberOfOccupants = 3,
            vehicleIdentification = 4, energyStorageType = 5;
        var stationary = new StationaryVehicleContainer();
        JerRead.StartObject(ref reader, path);
        ulong seen = 0;
        int key;
        while ((key = JerRead.NextKey(ref reader, path, StationaryVehicleKeys, ref seen)) >= 0)
        {
            switch (key)
            {
                case stationarySince:
                    stationary.StationarySince = (StationarySince)JerIdentifiers.StationarySince.Read(ref reader, path);
                    break;
                case stationaryCause:
                    stationary.StationaryCause = ReadCauseCode(ref reader, path);
                    break;
                case carryingDangerousGoods:
                    stationary.CarryingDangerousGoods = JerCommonReader.ReadDangerousGoods(ref reader, path);
                    break;
                case numberOfOccupants:
                    stationary.NumberOfOccupants = JerRead.ReadInt32(ref reader, path, JerRange.NumberOfOccupants);
                    break;
                case vehicleIdentification:
                    stationary.VehicleIdentification = JerCommonReader.ReadVehicleIdentification(ref reader, path);
                    break;
                case energyStorageType:
                    stationary.EnergyStorageType = JerCommonReader.ReadEnergyStorageType(ref reader, path);
                    break;
            }

            path.Pop();
        }

        return stationary;
    }
}
