using System.Text.Json;
using StepProducer.Encoding.Denm.V2;
using Key = StepProducer.Encoding.Jer.JerNames;

namespace StepProducer.Encoding.Jer;

/// <summary>
/// Writes a DENM of TS 103 831 v2.2.1 (DENM-PDU-Description) on TS 102 894-2 v2.2.1 (ETSI-ITS-CDD) as JER:
/// v2.2.1 identifiers as keys, absent OPTIONALs and a DEFAULT-valued validityDuration left out. The
/// extension addition groups of LocationContainer and AlacarteContainer, which the model keeps as raw
/// UPER bytes, have no JER here and are left out too (see <see cref="JerCodec.OmittedExtensionGroups"/>).
/// </summary>
internal static class JerV2Writer
{
    public static void Write(Utf8JsonWriter writer, Denm.V2.Denm denm)
    {
        writer.WriteStartObject();
        var header = denm.Header;
        writer.WriteStartObject(Key.Header);
        writer.WriteNumber(Key.ProtocolVersion, header.ProtocolVersion);
        writer.WriteNumber(Key.MessageId, header.MessageId);
        writer.WriteNumber(Key.StationId, header.StationId);
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
        writer.WritePropertyName(Key.ActionId);
        WriteActionId(writer, management.ActionId);
        writer.WriteNumber(Key.DetectionTime, management.DetectionTime);
        writer.WriteNumber(Key.ReferenceTime, management.ReferenceTime);
        if (management.Termination is { } termination)
        {
            JerCommonWriter.WriteEnumerated(writer, Key.Termination, JerIdentifiers.Termination, (int)termination);
        }

        writer.WritePropertyName(Key.EventPosition);
        JerCommonWriter.WriteReferencePosition(writer, management.EventPosition);
        if (management.AwarenessDistance is { } distance)
        {
            JerCommonWriter.WriteEnumerated(writer, Key.AwarenessDistance, JerIdentifiers.RelevanceDistance, (int)distance);
        }

        if (management.TrafficDirection is { } direction)
        {
            JerCommonWriter.WriteEnumerated(writer, Key.TrafficDirection, JerIdentifiers.TrafficDirection, (int)direction);
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

    private static void WriteActionId(Utf8JsonWriter writer, ActionId actionId)
    {
        writer.WriteStartObject();
        writer.WriteNumber(Key.OriginatingStationId, actionId.OriginatingStationId);
        writer.WriteNumber(Key.SequenceNumber, actionId.SequenceNumber);
        writer.WriteEndObject();
    }

    /// <summary>CauseCodeV2: <c>{"ccAndScc": {"&lt;CauseCodeChoice alternative&gt;": subCauseCode}}</c>.</summary>
    private static void WriteCauseCode(Utf8JsonWriter writer, JsonEncodedText key, CauseCodeV2 cause)
    {
        writer.WriteStartObject(key);
        writer.WriteStartObject(Key.CcAndScc);
        writer.WriteNumber(JerIdentifiers.CauseCodeChoice[cause.CauseCode], cause.SubCauseCode);
        writer.WriteEndObject();
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

        if (situation.EventZone is { } zone)
        {
            JerCommonWriter.WriteList(writer, Key.EventZone, zone, JerCommonWriter.WriteEventPoint);
        }

        // The extension addition group [[linkedDenms, eventEnd]]: JER writes extension additions as ordinary
        // keys of the SEQUENCE (X.697 flattens the group).
        if (situation.LinkedDenms is { } linkedDenms)
        {
            JerCommonWriter.WriteList(writer, Key.LinkedDenms, linkedDenms, WriteActionId);
        }

        if (situation.EventEnd is { } eventEnd)
        {
            writer.WriteNumber(Key.EventEnd, eventEnd);
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
            writer.WriteNumber(Key.Value, heading.Value);
            writer.WriteNumber(Key.Confidence, heading.Confidence);
            writer.WriteEndObject();
        }

        JerCommonWriter.WriteList(writer, Key.DetectionZonesToEventPosition, location.DetectionZonesToEventPosition, JerCommonWriter.WritePath);
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
            JerCommonWriter.WriteEnumerated(writer, Key.PositioningSolution, JerIdentifiers.PositioningSolutionTypeV2, (int)solution);
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
            JerCommonWriter.WriteEnumerated(writer, Key.TrafficFlowRule, JerIdentifiers.TrafficRuleV2, (int)rule);
        }

        if (roadWorks.ReferenceDenms is { } references)
        {
            JerCommonWriter.WriteList(writer, Key.ReferenceDenms, references, WriteActionId);
        }

        writer.WriteEndObject();
    }
}
