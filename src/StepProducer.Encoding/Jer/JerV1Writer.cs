using System.Text.Json;
using StepProducer.Encoding.Denm;
using StepProducer.Encoding.Denm.V1;
using Key = StepProducer.Encoding.Jer.JerNames;

namespace StepProducer.Encoding.Jer;

/// <summary>
/// Writes a DENM of EN 302 637-3 v1.3.1 (DENM-PDU-Descriptions) on TS 102 894-2 v1.3.1 (ITS-Container) as JER:
/// v1.3.1 identifiers as keys, absent OPTIONALs and a DEFAULT-valued validityDuration left out. The header,
/// management, location and à-la-carte containers go through the code both versions share
/// (<see cref="JerManagement{TVersion}"/>, <see cref="JerLocation{TVersion}"/>, <see cref="JerAlacarte{TVersion, TCause, TActionId}"/>);
/// the situation container is v1.3.1's own.
/// </summary>
internal static class JerV1Writer
{
    public static void Write(Utf8JsonWriter writer, Denm.V1.Denm denm)
    {
        writer.WriteStartObject();
        var header = denm.Header;
        JerManagement<JerV1>.WriteHeader(writer, header.ProtocolVersion, header.MessageID, header.StationID);
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
            JerAlacarte<JerV1, CauseCode, ActionID>.Write(writer, alacarte);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteManagement(Utf8JsonWriter writer, ManagementContainer management) =>
        JerManagement<JerV1>.WriteManagement(
            writer,
            new ManagementFields
            {
                OriginatingStationId = management.ActionID.OriginatingStationID,
                SequenceNumber = management.ActionID.SequenceNumber,
                DetectionTime = management.DetectionTime,
                ReferenceTime = management.ReferenceTime,
                Termination = management.Termination,
                EventPosition = management.EventPosition,
                Distance = (int?)management.RelevanceDistance,
                TrafficDirection = (int?)management.RelevanceTrafficDirection,
                ValidityDuration = management.ValidityDuration,
                TransmissionInterval = management.TransmissionInterval,
                StationType = management.StationType,
            });

    private static void WriteSituation(Utf8JsonWriter writer, SituationContainer situation)
    {
        writer.WriteStartObject(Key.Situation);
        writer.WriteNumber(Key.InformationQuality, situation.InformationQuality);
        JerV1.WriteCauseCode(writer, Key.EventType, situation.EventType);
        if (situation.LinkedCause is { } linkedCause)
        {
            JerV1.WriteCauseCode(writer, Key.LinkedCause, linkedCause);
        }

        if (situation.EventHistory is { } history)
        {
            JerCommonWriter.WriteList(writer, Key.EventHistory, history, JerCommonWriter.WriteEventPoint);
        }

        writer.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter writer, LocationContainer location) =>
        JerLocation<JerV1>.Write(
            writer,
            new LocationFields
            {
                EventSpeed = location.EventSpeed,
                EventPositionHeading = location.EventPositionHeading is { } heading ? (heading.HeadingValue, heading.HeadingConfidence) : null,
                Traces = location.Traces,
                RoadType = location.RoadType,
            });
}
