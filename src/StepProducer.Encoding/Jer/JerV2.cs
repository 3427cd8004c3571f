using System.Text.Json;
using StepProducer.Encoding.Denm.V2;
using Key = StepProducer.Encoding.Jer.JerNames;

namespace StepProducer.Encoding.Jer;

/// <summary>
/// The v2.2.1 side of <see cref="IJerVersion{TCause, TActionId}"/>: the identifiers and header constraint of
/// TS 103 831 v2.2.1 (DENM-PDU-Description) and TS 102 894-2 v2.2.1 (ETSI-ITS-CDD), and the JER of their
/// CauseCodeV2 and ActionId.
/// </summary>
internal readonly struct JerV2 : IJerVersion<CauseCodeV2, ActionId>
{
    private static readonly JerSequence CauseCodeSequence = new([Key.CcAndScc]);

    /// <summary>
    /// TS 103 831 v2.2.1 constrains the header of a DENM:
    /// <c>WITH COMPONENTS {..., protocolVersion (2), messageId(denm)}</c>.
    /// </summary>
    private static readonly JerRange ProtocolVersionOfDenm = new(Denm.V2.Denm.ProtocolVersion, Denm.V2.Denm.ProtocolVersion);
    private static readonly JerRange MessageIdOfDenm = new(Denm.V2.Denm.MessageId, Denm.V2.Denm.MessageId);

    public static JerRange ProtocolVersionRange => ProtocolVersionOfDenm;

    public static JerRange MessageIdRange => MessageIdOfDenm;

    public static JsonEncodedText MessageIdKey => Key.MessageId;

    public static JsonEncodedText StationIdKey => Key.StationId;

    public static JsonEncodedText ActionIdKey => Key.ActionId;

    public static JsonEncodedText OriginatingStationIdKey => Key.OriginatingStationId;

    public static JsonEncodedText DistanceKey => Key.AwarenessDistance;

    public static JsonEncodedText TrafficDirectionKey => Key.TrafficDirection;

    public static JerIdentifierTable TrafficDirection => JerIdentifiers.TrafficDirection;

    public static JsonEncodedText TracesKey => Key.DetectionZonesToEventPosition;

    public static JsonEncodedText HeadingValueKey => Key.Value;

    public static JsonEncodedText HeadingConfidenceKey => Key.Confidence;

    public static JerIdentifierTable TrafficRule => JerIdentifiers.TrafficRuleV2;

    public static JerIdentifierTable PositioningSolutionType => JerIdentifiers.PositioningSolutionTypeV2;

    /// <summary>CauseCodeV2: <c>{"ccAndScc": {"&lt;CauseCodeChoice alternative&gt;": subCauseCode}}</c>.</summary>
    public static void WriteCauseCode(Utf8JsonWriter writer, JsonEncodedText key, CauseCodeV2 cause)
    {
        writer.WriteStartObject(key);
        writer.WriteStartObject(Key.CcAndScc);
        writer.WriteNumber(JerIdentifiers.CauseCodeChoice[cause.CauseCode], cause.SubCauseCode);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static CauseCodeV2 ReadCauseCode(ref Utf8JsonReader reader, JerPath path) =>
        CauseCodeSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref CauseCodeV2 cause) =>
        {
            cause.CauseCode = JerRead.StartChoice(ref r, p, JerIdentifiers.CauseCodeChoice);

            // Every alternative's type is SubCauseCodeType or a named-number form of it: INTEGER (0..255).
            cause.SubCauseCode = JerRead.ReadInt32(ref r, p, JerRange.Octet);
            JerRead.EndChoice(ref r, p);
        });

    public static void WriteActionId(Utf8JsonWriter writer, ActionId actionId) =>
        JerManagement<JerV2>.WriteActionId(writer, actionId.OriginatingStationId, actionId.SequenceNumber);

    public static ActionId ReadActionId(ref Utf8JsonReader reader, JerPath path)
    {
        var (originatingStationId, sequenceNumber) = JerManagement<JerV2>.ReadActionId(ref reader, path);
        return new ActionId { OriginatingStationId = originatingStationId, SequenceNumber = sequenceNumber };
    }
}
