using System.Text.Json;
using StepProducer.Encoding.Denm;
using Key = StepProducer.Encoding.Jer.JerNames;

namespace StepProducer.Encoding.Jer;

/// <summary>
/// JER of ItsPduHeader, ManagementContainer and ActionID / ActionId, whose components and constraints
/// EN 302 637-3 v1.3.1 on TS 102 894-2 v1.3.1 and TS 103 831 v2.2.1 on TS 102 894-2 v2.2.1 share under other
/// identifiers (messageID / messageId, actionID / actionId, relevanceDistance / awarenessDistance, ...), which
/// <typeparamref name="TVersion"/> gives. As for UPER, the values pass through <see cref="ManagementFields"/>
/// (which says how each version copies its model in and out).
/// </summary>
internal static class JerManagement<TVersion>
    where TVersion : IJerVersionIdentifiers
{
    /// <summary>defaultValidity INTEGER ::= 600, in both DENM modules.</summary>
    private const int DefaultValidity = 600;

    private static readonly JerSequence HeaderSequence = new([Key.ProtocolVersion, TVersion.MessageIdKey, TVersion.StationIdKey]);

    /// <summary>validityDuration is DEFAULT defaultValidity, so it may be absent like the OPTIONALs.</summary>
    private static readonly JerSequence ManagementSequence = new(
        [
            TVersion.ActionIdKey, Key.DetectionTime, Key.ReferenceTime, Key.Termination, Key.EventPosition, TVersion.DistanceKey,
            TVersion.TrafficDirectionKey, Key.ValidityDuration, Key.TransmissionInterval, Key.StationType,
        ],
        Key.Termination, TVersion.DistanceKey, TVersion.TrafficDirectionKey, Key.ValidityDuration, Key.TransmissionInterval);

    private static readonly JerSequence ActionIdSequence = new([TVersion.OriginatingStationIdKey, Key.SequenceNumber]);

    public static void WriteHeader(Utf8JsonWriter writer, int protocolVersion, int messageId, uint stationId)
    {
        writer.WriteStartObject(Key.Header);
        writer.WriteNumber(Key.ProtocolVersion, protocolVersion);
        writer.WriteNumber(TVersion.MessageIdKey, messageId);
        writer.WriteNumber(TVersion.StationIdKey, stationId);
        writer.WriteEndObject();
    }

    public static (int ProtocolVersion, int MessageId, uint StationId) ReadHeader(ref Utf8JsonReader reader, JerPath path) =>
        HeaderSequence.Read(
            ref reader,
            path,
            static (ref Utf8JsonReader r, JerPath p, int key, ref (int ProtocolVersion, int MessageId, uint StationId) header) =>
            {
                const int protocolVersion = 0, messageId = 1;
                switch (key)
                {
                    case protocolVersion:
                        header.ProtocolVersion = JerRead.ReadInt32(ref r, p, TVersion.ProtocolVersionRange);
                        break;
                    case messageId:
                        header.MessageId = JerRead.ReadInt32(ref r, p, TVersion.MessageIdRange);
                        break;
                    default:
                        header.StationId = (uint)JerRead.ReadInteger(ref r, p, JerRange.StationId);
                        break;
                }
            });

    public static void WriteManagement(Utf8JsonWriter writer, in ManagementFields management)
    {
        writer.WriteStartObject(Key.Management);
        writer.WritePropertyName(TVersion.ActionIdKey);
        WriteActionId(writer, management.OriginatingStationId, management.SequenceNumber);
        writer.WriteNumber(Key.DetectionTime, management.DetectionTime);
        writer.WriteNumber(Key.ReferenceTime, management.ReferenceTime);
        if (management.Termination is { } termination)
        {
            JerCommonWriter.WriteEnumerated(writer, Key.Termination, JerIdentifiers.Termination, (int)termination);
        }

        writer.WritePropertyName(Key.EventPosition);
        JerCommonWriter.WriteReferencePosition(writer, management.EventPosition);
        if (management.Distance is { } distance)
        {
            JerCommonWriter.WriteEnumerated(writer, TVersion.DistanceKey, JerIdentifiers.RelevanceDistance, distance);
        }

        if (management.TrafficDirection is { } direction)
        {
            JerCommonWriter.WriteEnumerated(writer, TVersion.TrafficDirectionKey, TVersion.TrafficDirection, direction);
        }

        // validityDuration is DEFAULT defaultValidity: like UPER, JER leaves the default value out.
        if (management.ValidityDuration != DefaultValidity)
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

    /// <summary>An absent validityDuration is its DEFAULT.</summary>
    public static ManagementFields ReadManagement(ref Utf8JsonReader reader, JerPath path) =>
        ManagementSequence.Read(
            ref reader,
            path,
            new ManagementFields { ValidityDuration = DefaultValidity },
            static (ref Utf8JsonReader r, JerPath p, int key, ref ManagementFields management) =>
            {
                const int actionId = 0, detectionTime = 1, referenceTime = 2, termination = 3, eventPosition = 4,
                    distance = 5, trafficDirection = 6, validityDuration = 7, transmissionInterval = 8;
                switch (key)
                {
                    case actionId:
                        (management.OriginatingStationId, management.SequenceNumber) = ReadActionId(ref r, p);
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
                    case distance:
                        management.Distance = JerIdentifiers.RelevanceDistance.Read(ref r, p);
                        break;
                    case trafficDirection:
                        management.TrafficDirection = TVersion.TrafficDirection.Read(ref r, p);
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

    /// <summary>ActionID (v1.3.1) / ActionId (v2.2.1) as a value; the caller has written its key.</summary>
    public static void WriteActionId(Utf8JsonWriter writer, uint originatingStationId, int sequenceNumber)
    {
        writer.WriteStartObject();
        writer.WriteNumber(TVersion.OriginatingStationIdKey, originatingStationId);
        writer.WriteNumber(Key.SequenceNumber, sequenceNumber);
        writer.WriteEndObject();
    }

    public static (uint OriginatingStationId, int SequenceNumber) ReadActionId(ref Utf8JsonReader reader, JerPath path) =>
        ActionIdSequence.Read(
            ref reader,
            path,
            static (ref Utf8JsonReader r, JerPath p, int key, ref (uint OriginatingStationId, int SequenceNumber) actionId) =>
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
}
