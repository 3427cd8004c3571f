using System.Text.Json;
using StepProducer.Encoding.Denm.V1;
using Key = StepProducer.Encoding.Jer.JerNames;

namespace StepProducer.Encoding.Jer;

/// <summary>
/// Writes a DENM of EN 302 637-3 v1.3.1 (DENM-PDU-Descriptions) on TS 102 894-2 v1.3.1 (ITS-Container) as JER:
/// v1.3.1 identifiers as keys, absent OPTIONALs and a DEFAULT-valued validityDuration left out.
/// </summary>
internal static class JerV1Writer
{
    public static void Write(Utf8JsonWriter writer, Denm.V1.Denm denm)
    {
        writer.WriteStartObject();
        var header = denm.Header;
        writer.WriteStartObject(Key.Header);
        writer.WriteNumber(Key.ProtocolVersion, header.ProtocolVersion);
        writer.WriteNumber(Key.MessageID, header.MessageID);
        writer.WriteNumber(Key.StationID, header.StationID);
        writer.WriteEndObject();
        var payload = denm.Payload;
        writer.WriteStartObject(Key.Denm);
        WriteManagement(writer, payload.Management);
        if (payload.Situation is { } situation)
        {
            WriteSituation(writer, situation);
        }

        if (payload.Location is { } location)
        {
            WriteLocation(writer, location);
        }

        if (payload.Alacarte is { } alacarte)
        {
            WriteAlacarte(writer, alacarte);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteManagement(Utf8JsonWriter writer, ManagementContainer management)
    {
        writer.WriteStartObject(Key.Management);
        writer.WritePropertyName(Key.ActionID);
        WriteActionId(writer, management.ActionID);
        writer.WriteNumber(Key.DetectionTime, management.DetectionTime);
        writer.WriteNumber(Key.ReferenceTime, management.ReferenceTime);
        if (management.Termination is { } termination)
        {
            JerCommonWriter.WriteEnumerated(writer, Key.Termination, JerIdentifiers.Termination, (int)termination);
        }

        writer.WritePropertyName(Key.EventPosition);
        JerCommonWriter.WriteReferencePosition(writer, management.EventPosition);
        if (management.RelevanceDistance is { } distance)
        {
            JerCommonWriter.WriteEnumerated(writer, Key.RelevanceDistance, JerIdentifiers.RelevanceDistance, (int)distance);
        }

        if (management.RelevanceTrafficDirection is { } direction)
        {
            JerCommonWriter.WriteEnumerated(writer, Key.RelevanceTrafficDirection, JerIdentifiers.RelevanceTrafficDirection, (int)direction);
        }

        // validityDuration is DEFAULT defaultValidity: like UPER, JER leaves the default value out.
        if (management.ValidityDuration != ManagementContainer.DefaultValidity)
        {
            writer.WriteNumber(Key.ValidityDuration, management.ValidityDuration);
        }

        if (management.TransmissionInterval is { } interval)
        {
            writer.WriteNumber(Key.TransmissionInterval, interval);
        }

        writer.WriteNumber(Key.StationType, management.StationType);
        writer.WriteEndObject();
    }

    private static void WriteActionId(Utf8JsonWriter writer, ActionID actionId)
    {
        writer.WriteStartObject();
        writer.WriteNumber(Key.OriginatingStationID, actionId.OriginatingStationID);
        writer.WriteNumber(Key.SequenceNumber, actionId.SequenceNumber);
        writer.WriteEndObject();
    }

    private static void WriteCauseCode(Utf8JsonWriter writer, JsonEncodedText key, CauseCode cause)
    {
        writer.WriteStartObject(key);
        writer.WriteNumber(Key.CauseCode, cause.CauseCodeType);
        writer.WriteNumber(Key.SubCauseCode, cause.SubCauseCode);
        writer.WriteEndObject();
    }

    private static void WriteSituation(Utf8JsonWriter writer, SituationContainer situation)
    {
        writer.WriteStartObject(Key.Situation);
        writer.WriteNumber(Key.InformationQuality, situation.InformationQuality);
        WriteCauseCode(writer, Key.EventType, situation.EventType);
        if (situation.LinkedCause is { } linkedCause)
        {
            WriteCauseCode(writer, Key.LinkedCause, linkedCause);
        }

        if (situation.EventHistory is { } history)
        {
            JerCommonWriter.WriteList(writer, Key.EventHistory, history, JerCommonWriter.WriteEventPoint);
        }

        writer.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter writer, LocationContainer location)
    {
        writer.WriteStartObject(Key.Location);
        if (location.EventSpeed is { } speed)
        {
            JerCommonWriter.WriteSpeed(writer, Key.EventSpeed, speed);
        }

        if (location.EventPositionHeading is { } heading)
        {
            writer.WriteStartObject(Key.EventPositionHeading);
            writer.WriteNumber(Key.HeadingValue, heading.HeadingValue);
            writer.WriteNumber(Key.HeadingConfidence, heading.HeadingConfidence);
            writer.WriteEndObject();
        }

        JerCommonWriter.WriteList(writer, Key.Traces, location.Traces, JerCommonWriter.WritePath);
        if (location.RoadType is { } roadType)
        {
            JerCommonWriter.WriteEnumerated(writer, Key.RoadType, JerIdentifiers.RoadType, (int)roadType);
        }

        writer.WriteEndObject();
    }

    private static void WriteAlacarte(Utf8JsonWriter writer, AlacarteContainer alacarte)
    {
        writer.WriteStartObject(Key.Alacarte);
        if (alacarte.LanePosition is { } lanePosition)
        {
            writer.WriteNumber(Key.LanePosition, lanePosition);
        }

        if (alacarte.ImpactReduction is { } impact)
        {
            JerCommonWriter.WriteImpactReduction(writer, impact);
        }

        if (alacarte.ExternalTemperature is { } temperature)
        {
            writer.WriteNumber(Key.ExternalTemperature, temperature);
        }

        if (alacarte.RoadWorks is { } roadWorks)
        {
            WriteRoadWorks(writer, roadWorks);
        }

        if (alacarte.PositioningSolution is { } solution)
        {
            JerCommonWriter.WriteEnumerated(writer, Key.PositioningSolution, JerIdentifiers.PositioningSolutionTypeV1, (int)solution);
        }

        if (alacarte.StationaryVehicle is { } stationary)
        {
            writer.WriteStartObject(Key.StationaryVehicle);
            if (stationary.StationarySince is { } since)
            {
                JerCommonWriter.WriteEnumerated(writer, Key.StationarySince, JerIdentifiers.StationarySince, (int)since);
            }

            if (stationary.StationaryCause is { } cause)
            {
                WriteCauseCode(writer, Key.StationaryCause, cause);
            }

            JerCommonWriter.WriteStationaryVehicleTail(
                writer, stationary.CarryingDangerousGoods, stationary.NumberOfOccupants, stationary.VehicleIdentification, stationary.EnergyStorageType);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteRoadWorks(Utf8JsonWriter writer, RoadWorksContainerExtended roadWorks)
    {
        writer.WriteStartObject(Key.RoadWorks);
        JerCommonWriter.WriteRoadWorksHead(writer, roadWorks.LightBarSirenInUse, roadWorks.ClosedLanes, roadWorks.Restriction, roadWorks.SpeedLimit);
        if (roadWorks.IncidentIndication is { } incident)
        {
            WriteCauseCode(writer, Key.IncidentIndication, incident);
        }

        JerCommonWriter.WriteRoadWorksMiddle(writer, roadWorks.RecommendedPath, roadWorks.StartingPointSpeedLimit);
        if (roadWorks.TrafficFlowRule is { } rule)
        {
            JerCommonWriter.WriteEnumerated(writer, Key.TrafficFlowRule, JerIdentifiers.TrafficRuleV1, (int)rule);
        }

        if (roadWorks.ReferenceDenms is { } references)
        {
            JerCommonWriter.WriteList(writer, Key.ReferenceDenms, references, WriteActionId);
        }

        writer.WriteEndObject();
    }
}
