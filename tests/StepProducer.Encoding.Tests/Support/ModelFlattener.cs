using V1 = StepProducer.Encoding.Denm.V1;
using V2 = StepProducer.Encoding.Denm.V2;
using System.Globalization;
using StepProducer.Encoding.Denm;
using StepProducer.Encoding.Its;

namespace StepProducer.Encoding.Tests.Support;

/// <summary>
/// Writes every value of a DENM model as flat "dotted.path" → value text, the shape of the vector files'
/// <c>fields</c> maps (v1.3.1 identifiers for the components both versions have, as the vectors use them).
/// Two models are equal when their flattenings are: the round-trip tests compare models this way.
/// A SEQUENCE OF element is <c>path[index]</c>; an absent OPTIONAL writes nothing; validityDuration
/// writes nothing when it is the DEFAULT 600, as the vectors do.
/// </summary>
public static class ModelFlattener
{
    public static SortedDictionary<string, string> Flatten(V1.Denm denm)
    {
        var fields = new Fields();
        fields.Add("protocolVersion", denm.Header.ProtocolVersion);
        fields.Add("messageID", denm.Header.MessageID);
        fields.Add("stationID", denm.Header.StationID);
        var management = denm.Payload.Management;
        fields.Add("actionID.originatingStationID", management.ActionID.OriginatingStationID);
        fields.Add("actionID.sequenceNumber", management.ActionID.SequenceNumber);
        AddManagementCommon(fields, management.DetectionTime, management.ReferenceTime, management.Termination, management.EventPosition);
        fields.AddOptional("relevanceDistance", (int?)management.RelevanceDistance);
        fields.AddOptional("relevanceTrafficDirection", (int?)management.RelevanceTrafficDirection);
        AddManagementTail(fields, management.ValidityDuration, management.TransmissionInterval, management.StationType);
        if (denm.Payload.Situation is { } situation)
        {
            fields.Add("situation.informationQuality", situation.InformationQuality);
            fields.Add("situation.eventType.causeCode", situation.EventType.CauseCodeType);
            fields.Add("situation.eventType.subCauseCode", situation.EventType.SubCauseCode);
            if (situation.LinkedCause is { } linked)
            {
                fields.Add("situation.linkedCause.causeCode", linked.CauseCodeType);
                fields.Add("situation.linkedCause.subCauseCode", linked.SubCauseCode);
            }

            AddEventPoints(fields, "situation.eventHistory", situation.EventHistory);
        }

        if (denm.Payload.Location is { } location)
        {
            AddSpeed(fields, location.EventSpeed);
            if (location.EventPositionHeading is { } heading)
            {
                fields.Add("location.eventPositionHeading.value", heading.HeadingValue);
                fields.Add("location.eventPositionHeading.confidence", heading.HeadingConfidence);
            }

            AddTraces(fields, location.Traces);
            fields.AddOptional("location.roadType", (int?)location.RoadType);
        }

        if (denm.Payload.Alacarte is { } alacarte)
        {
            fields.Add("alacarte", "present");
            AddAlacarteCommon(fields, alacarte.LanePosition, alacarte.ImpactReduction, alacarte.ExternalTemperature, (int?)alacarte.PositioningSolution);
            if (alacarte.RoadWorks is { } roadWorks)
            {
                AddRoadWorksCommon(fields, roadWorks.LightBarSirenInUse, roadWorks.ClosedLanes, roadWorks.Restriction, roadWorks.SpeedLimit,
                    roadWorks.RecommendedPath, roadWorks.StartingPointSpeedLimit, (int?)roadWorks.TrafficFlowRule);
                if (roadWorks.IncidentIndication is { } incident)
                {
                    fields.Add("alacarte.roadWorks.incidentIndication", $"{incident.CauseCodeType}/{incident.SubCauseCode}");
                }

                for (var index = 0; index < (roadWorks.ReferenceDenms?.Count ?? 0); index++)
                {
                    var action = roadWorks.ReferenceDenms![index];
                    fields.Add($"alacarte.roadWorks.referenceDenms[{index}]", $"{action.OriginatingStationID}/{action.SequenceNumber}");
                }
            }

            if (alacarte.StationaryVehicle is { } stationary)
            {
                AddStationaryCommon(fields, stationary.StationarySince, stationary.CarryingDangerousGoods, stationary.NumberOfOccupants,
                    stationary.VehicleIdentification, stationary.EnergyStorageType);
                if (stationary.StationaryCause is { } cause)
                {
                    fields.Add("alacarte.stationaryVehicle.stationaryCause", $"{cause.CauseCodeType}/{cause.SubCauseCode}");
                }
            }
        }

        return fields.Values;
    }

    public static SortedDictionary<string, string> Flatten(V2.Denm denm)
    {
        var fields = new Fields();
        fields.Add("protocolVersion", denm.Header.ProtocolVersion);
        fields.Add("messageID", denm.Header.MessageId);
        fields.Add("stationID", denm.Header.StationId);
        var management = denm.Payload.Management;
        fields.Add("actionID.originatingStationID", management.ActionId.OriginatingStationId);
        fields.Add("actionID.sequenceNumber", management.ActionId.SequenceNumber);
        AddManagementCommon(fields, management.DetectionTime, management.ReferenceTime, management.Termination, management.EventPosition);
        fields.AddOptional("relevanceDistance", (int?)management.AwarenessDistance);
        fields.AddOptional("relevanceTrafficDirection", (int?)management.TrafficDirection);
        AddManagementTail(fields, management.ValidityDuration, management.TransmissionInterval, management.StationType);
        if (denm.Payload.Situation is { } situation)
        {
            fields.Add("situation.informationQuality", situation.InformationQuality);
            fields.Add("situation.eventType.causeCode", situation.EventType.CauseCode);
            fields.Add("situation.eventType.subCauseCode", situation.EventType.SubCauseCode);
            if (situation.LinkedCause is { } linked)
            {
                fields.Add("situation.linkedCause.causeCode", linked.CauseCode);
                fields.Add("situation.linkedCause.subCauseCode", linked.SubCauseCode);
            }

            AddEventPoints(fields, "situation.eventZone", situation.EventZone);
            for (var index = 0; index < (situation.LinkedDenms?.Count ?? 0); index++)
            {
                var action = situation.LinkedDenms![index];
                fields.Add($"situation.linkedDenms[{index}]", $"{action.OriginatingStationId}/{action.SequenceNumber}");
            }

            fields.AddOptional("situation.eventEnd", situation.EventEnd);
        }

        if (denm.Payload.Location is { } location)
        {
            AddSpeed(fields, location.EventSpeed);
            if (location.EventPositionHeading is { } heading)
            {
                fields.Add("location.eventPositionHeading.value", heading.Value);
                fields.Add("location.eventPositionHeading.confidence", heading.Confidence);
            }

            AddTraces(fields, location.DetectionZonesToEventPosition);
            fields.AddOptional("location.roadType", (int?)location.RoadType);
            AddRaw(fields, "location.extensionGroupV22Raw", location.ExtensionGroupV22Raw);
        }

        if (denm.Payload.Alacarte is { } alacarte)
        {
            fields.Add("alacarte", "present");
            AddAlacarteCommon(fields, alacarte.LanePosition, alacarte.ImpactReduction, alacarte.ExternalTemperature, (int?)alacarte.PositioningSolution);
            AddRaw(fields, "alacarte.extensionGroupV22Raw", alacarte.ExtensionGroupV22Raw);
            if (alacarte.RoadWorks is { } roadWorks)
            {
                AddRoadWorksCommon(fields, roadWorks.LightBarSirenInUse, roadWorks.ClosedLanes, roadWorks.Restriction, roadWorks.SpeedLimit,
                    roadWorks.RecommendedPath, roadWorks.StartingPointSpeedLimit, (int?)roadWorks.TrafficFlowRule);
                if (roadWorks.IncidentIndication is { } incident)
                {
                    fields.Add("alacarte.roadWorks.incidentIndication", $"{incident.CauseCode}/{incident.SubCauseCode}");
                }

                for (var index = 0; index < (roadWorks.ReferenceDenms?.Count ?? 0); index++)
                {
                    var action = roadWorks.ReferenceDenms![index];
                    fields.Add($"alacarte.roadWorks.referenceDenms[{index}]", $"{action.OriginatingStationId}/{action.SequenceNumber}");
                }
            }

            if (alacarte.StationaryVehicle is { } stationary)
            {
                AddStationaryCommon(fields, stationary.StationarySince, stationary.CarryingDangerousGoods, stationary.NumberOfOccupants,
                    stationary.VehicleIdentification, stationary.EnergyStorageType);
                if (stationary.StationaryCause is { } cause)
                {
                    fields.Add("alacarte.stationaryVehicle.stationaryCause", $"{cause.CauseCode}/{cause.SubCauseCode}");
                }
            }
        }

        return fields.Values;
    }

    private static void AddManagementCommon(Fields fields, long detectionTime, long referenceTime, Termination? termination, ReferencePosition position)
    {
        fields.Add("detectionTime", detectionTime);
        fields.Add("referenceTime", referenceTime);
        fields.AddOptional("termination", (int?)termination);
        AddReferencePosition(fields, "eventPosition", position);
    }

    private static void AddManagementTail(Fields fields, int validityDuration, int? transmissionInterval, int stationType)
    {
        if (validityDuration != V2.ManagementContainer.DefaultValidity)
        {
            fields.Add("validityDuration", validityDuration);
        }

        fields.AddOptional("transmissionInterval", transmissionInterval);
        fields.Add("stationType", stationType);
    }

    private static void AddReferencePosition(Fields fields, string prefix, ReferencePosition position)
    {
        fields.Add($"{prefix}.latitude", position.Latitude);
        fields.Add($"{prefix}.longitude", position.Longitude);
        fields.Add($"{prefix}.semiMajorConfidence", position.PositionConfidenceEllipse.SemiMajorConfidence);
        fields.Add($"{prefix}.semiMinorConfidence", position.PositionConfidenceEllipse.SemiMinorConfidence);
        fields.Add($"{prefix}.semiMajorOrientation", position.PositionConfidenceEllipse.SemiMajorOrientation);
        fields.Add($"{prefix}.altitudeValue", position.Altitude.AltitudeValue);
        fields.Add($"{prefix}.altitudeConfidence", (int)position.Altitude.AltitudeConfidence);
    }

    private static void AddDelta(Fields fields, string prefix, DeltaReferencePosition delta)
    {
        fields.Add($"{prefix}.deltaLatitude", delta.DeltaLatitude);
        fields.Add($"{prefix}.deltaLongitude", delta.DeltaLongitude);
        fields.Add($"{prefix}.deltaAltitude", delta.DeltaAltitude);
    }

    private static void AddSpeed(Fields fields, Speed? speed)
    {
        if (speed is { } value)
        {
            fields.Add("location.eventSpeed.speedValue", value.SpeedValue);
            fields.Add("location.eventSpeed.speedConfidence", value.SpeedConfidence);
        }
    }

    private static void AddTraces(Fields fields, List<List<PathPoint>> traces)
    {
        fields.Add("location.traces.count", traces.Count);
        for (var trace = 0; trace < traces.Count; trace++)
        {
            fields.Add($"location.traces[{trace}].count", traces[trace].Count);
            for (var point = 0; point < traces[trace].Count; point++)
            {
                var prefix = $"location.traces[{trace}][{point}]";
                AddDelta(fields, prefix, traces[trace][point].PathPosition);
                fields.AddOptional($"{prefix}.pathDeltaTime", traces[trace][point].PathDeltaTime);
            }
        }
    }

    private static void AddEventPoints(Fields fields, string prefix, List<EventPoint>? points)
    {
        for (var index = 0; index < (points?.Count ?? 0); index++)
        {
            var point = points![index];
            AddDelta(fields, $"{prefix}[{index}].eventPosition", point.EventPosition);
            fields.AddOptional($"{prefix}[{index}].eventDeltaTime", point.EventDeltaTime);
            fields.Add($"{prefix}[{index}].informationQuality", point.InformationQuality);
        }
    }

    private static void AddRaw(Fields fields, string key, byte[]? octets)
    {
        if (octets is not null)
        {
            fields.Add(key, Convert.ToHexString(octets));
        }
    }

    private static void AddAlacarteCommon(Fields fields, int? lanePosition, ImpactReductionContainer? impact, int? temperature, int? positioningSolution)
    {
        fields.AddOptional("alacarte.lanePosition", lanePosition);
        fields.AddOptional("alacarte.externalTemperature", temperature);
        fields.AddOptional("alacarte.positioningSolution", positioningSolution);
        if (impact is null)
        {
            return;
        }

        const string prefix = "alacarte.impactReduction";
        fields.Add($"{prefix}.heightLonCarrLeft", impact.HeightLonCarrLeft);
        fields.Add($"{prefix}.heightLonCarrRight", impact.HeightLonCarrRight);
        fields.Add($"{prefix}.posLonCarrLeft", impact.PosLonCarrLeft);
        fields.Add($"{prefix}.posLonCarrRight", impact.PosLonCarrRight);
        fields.Add($"{prefix}.positionOfPillars", string.Join(",", impact.PositionOfPillars));
        fields.Add($"{prefix}.posCentMass", impact.PosCentMass);
        fields.Add($"{prefix}.wheelBaseVehicle", impact.WheelBaseVehicle);
        fields.Add($"{prefix}.turningRadius", impact.TurningRadius);
        fields.Add($"{prefix}.posFrontAx", impact.PosFrontAx);
        fields.Add($"{prefix}.positionOfOccupants", (int)impact.PositionOfOccupants);
        fields.Add($"{prefix}.vehicleMass", impact.VehicleMass);
        fields.Add($"{prefix}.requestResponseIndication", (int)impact.RequestResponseIndication);
    }

    private static void AddRoadWorksCommon(
        Fields fields, LightBarSirenInUse? lightBar, ClosedLanes? closedLanes, List<int>? restriction, int? speedLimit,
        List<ReferencePosition>? recommendedPath, DeltaReferencePosition? startingPoint, int? trafficFlowRule)
    {
        const string prefix = "alacarte.roadWorks";
        fields.Add(prefix, "present");
        fields.AddOptional($"{prefix}.lightBarSirenInUse", (int?)lightBar);
        if (closedLanes is { } lanes)
        {
            fields.Add($"{prefix}.closedLanes", "present");
            fields.AddOptional($"{prefix}.closedLanes.innerhardShoulderStatus", (int?)lanes.InnerhardShoulderStatus);
            fields.AddOptional($"{prefix}.closedLanes.outerhardShoulderStatus", (int?)lanes.OuterhardShoulderStatus);
            if (lanes.DrivingLaneStatus is { } status)
            {
                fields.Add($"{prefix}.closedLanes.drivingLaneStatus", $"{status.Bits}/{status.Length}");
            }
        }

        if (restriction is not null)
        {
            fields.Add($"{prefix}.restriction", string.Join(",", restriction));
        }

        fields.AddOptional($"{prefix}.speedLimit", speedLimit);
        for (var index = 0; index < (recommendedPath?.Count ?? 0); index++)
        {
            AddReferencePosition(fields, $"{prefix}.recommendedPath[{index}]", recommendedPath![index]);
        }

        if (startingPoint is { } start)
        {
            AddDelta(fields, $"{prefix}.startingPointSpeedLimit", start);
        }

        fields.AddOptional($"{prefix}.trafficFlowRule", trafficFlowRule);
    }

    private static void AddStationaryCommon(
        Fields fields, StationarySince? since, DangerousGoodsExtended? goods, int? occupants, VehicleIdentification? identification,
        EnergyStorageType? energy)
    {
        const string prefix = "alacarte.stationaryVehicle";
        fields.Add(prefix, "present");
        fields.AddOptional($"{prefix}.stationarySince", (int?)since);
        fields.AddOptional($"{prefix}.numberOfOccupants", occupants);
        fields.AddOptional($"{prefix}.energyStorageType", (int?)energy);
        if (goods is not null)
        {
            fields.Add($"{prefix}.carryingDangerousGoods", $"{(int)goods.DangerousGoodsType}/{goods.UnNumber}/{goods.ElevatedTemperature}/{goods.TunnelsRestricted}/{goods.LimitedQuantity}");
            fields.AddOptional($"{prefix}.carryingDangerousGoods.emergencyActionCode", goods.EmergencyActionCode);
            fields.AddOptional($"{prefix}.carryingDangerousGoods.phoneNumber", goods.PhoneNumber);
            fields.AddOptional($"{prefix}.carryingDangerousGoods.companyName", goods.CompanyName);
        }

        if (identification is not null)
        {
            fields.Add($"{prefix}.vehicleIdentification", "present");
            fields.AddOptional($"{prefix}.vehicleIdentification.wMInumber", identification.WMInumber);
            fields.AddOptional($"{prefix}.vehicleIdentification.vDS", identification.VDS);
        }
    }

    private sealed class Fields
    {
        public SortedDictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

        public void Add(string key, long value) => Values.Add(key, value.ToString(CultureInfo.InvariantCulture));

        public void Add(string key, string value) => Values.Add(key, value);

        public void AddOptional(string key, long? value)
        {
            if (value is { } present)
            {
                Add(key, present);
            }
        }

        public void AddOptional(string key, string? value)
        {
            if (value is not null)
            {
                Add(key, value);
            }
        }
    }
}
