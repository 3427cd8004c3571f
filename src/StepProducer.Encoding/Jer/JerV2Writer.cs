using System.Text.Json;
using StepProducer.Encoding.Denm;
using StepProducer.Encoding.Denm.V2;
using Key = StepProducer.Encoding.Jer.JerNames;

namespace StepProducer.Encoding.Jer;

/// <summary>
/// Writes a DENM of TS 103 831 v2.2.1 (DENM-PDU-Description) on TS 102 894-2 v2.2.1 (ETSI-ITS-CDD) as JER:
/// v2.2.1 identifiers as keys, absent OPTIONALs and a DEFAULT-valued validityDuration left out. The header,
/// management, location and à-la-carte containers go through the code both versions share
/// (<see cref="JerManagement{TVersion}"/>, <see cref="JerLocation{TVersion}"/>, <see cref="JerAlacarte{TVersion, TCause, TActionId}"/>);
/// the situation container is v2.2.1's own.
/// The extension addition groups of LocationContainer and AlacarteContainer, which the model keeps as raw
/// UPER bytes, have no JER here and are left out too (see <see cref="JerCodec.OmittedExtensionGroups"/>).
/// </summary>
internal static class JerV2Writer
{
    public static void Write(Utf8JsonWriter writer, Denm.V2.Denm denm)
    {
        writer.WriteStartObject();
        var header = denm.Header;
        JerManagement<JerV2>.WriteHeader(writer, header.ProtocolVersion, header.MessageId, header.StationId);
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
            JerAlacarte<JerV2, CauseCodeV2, ActionId>.Write(writer, alacarte);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteManagement(Utf8JsonWriter writer, ManagementContainer management) =>
        JerManagement<JerV2>.WriteManagement(
            writer,
            new ManagementFields
            {
                OriginatingStationId = management.ActionId.OriginatingStationId,
                SequenceNumber = management.ActionId.SequenceNumber,
                DetectionTime = management.DetectionTime,
                ReferenceTime = management.ReferenceTime,
                Termination = management.Termination,
                EventPosition = management.EventPosition,
                Distance = (int?)management.AwarenessDistance,
                TrafficDirection = (int?)management.TrafficDirection,
                ValidityDuration = management.ValidityDuration,
                TransmissionInterval = management.TransmissionInterval,
                StationType = management.StationType,
            });

    private static void WriteSituation(Utf8JsonWriter writer, SituationContainer situation)
    {
        writer.WriteStartObject(Key.Situation);
        writer.WriteNumber(Key.InformationQuality, situation.InformationQuality);
        JerV2.WriteCauseCode(writer, Key.EventType, situation.EventType);
        if (situation.LinkedCause is { } linkedCause)
        {
            JerV2.WriteCauseCode(writer, Key.LinkedCause, linkedCause);
        }

        if (situation.EventZone is { } zone)
        {
            JerCommonWriter.WriteList(writer, Key.EventZone, zone, JerCommonWriter.WriteEventPoint);
        }

        // The extension addition group [[linkedDenms, eventEnd]]: JER writes extension additions as ordinary
        // keys of the SEQUENCE (X.697 flattens the group).
        if (situation.LinkedDenms is { } linkedDenms)
        {
            JerCommonWriter.WriteList(writer, Key.LinkedDenms, linkedDenms, JerV2.WriteActionId);
        }

        if (situation.EventEnd is { } eventEnd)
        {
            writer.WriteNumber(Key.EventEnd, eventEnd);
        }

        writer.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter writer, LocationContainer location) =>
        JerLocation<JerV2>.Write(
            writer,
            new LocationFields
            {
                EventSpeed = location.EventSpeed,
                EventPositionHeading = location.EventPositionHeading is { } heading ? (heading.Value, heading.Confidence) : null,
                Traces = location.DetectionZonesToEventPosition,
                RoadType = location.RoadType,
            });
}
