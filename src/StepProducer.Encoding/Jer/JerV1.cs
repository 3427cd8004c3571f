using System.Text.Json;
using StepProducer.Encoding.Denm.V1;
using Key = StepProducer.Encoding.Jer.JerNames;

namespace StepProducer.Encoding.Jer;

/// <summary>
/// The v1.3.1 side of <see cref="IJerVersion{TCause, TActionId}"/>: the identifiers of EN 302 637-3 v1.3.1
/// (DENM-PDU-Descriptions) and TS 102 894-2 v1.3.1 (ITS-Container), and the JER of their CauseCode and ActionID.
/// </summary>
internal readonly struct JerV1 : IJerVersion<CauseCode, ActionID>
{
    private static readonly JerSequence CauseCodeSequence = new([Key.CauseCode, Key.SubCauseCode]);

    public static JerRange ProtocolVersionRange => JerRange.Octet;

    public static JerRange MessageIdRange => JerRange.Octet;

    public static JsonEncodedText MessageIdKey => Key.MessageID;

    public static JsonEncodedText StationIdKey => Key.StationID;

    public static JsonEncodedText ActionIdKey => Key.ActionID;

    public static JsonEncodedText OriginatingStationIdKey => Key.OriginatingStationID;

    public static JsonEncodedText DistanceKey => Key.RelevanceDistance;

    public static JsonEncodedText TrafficDirectionKey => Key.RelevanceTrafficDirection;

    public static JerIdentifierTable TrafficDirection => JerIdentifiers.RelevanceTrafficDirection;

    public static JsonEncodedText TracesKey => Key.Traces;

    public static JsonEncodedText HeadingValueKey => Key.HeadingValue;

    public static JsonEncodedText HeadingConfidenceKey => Key.HeadingConfidence;

    public static JerIdentifierTable TrafficRule => JerIdentifiers.TrafficRuleV1;

    public static JerIdentifierTable PositioningSolutionType => JerIdentifiers.PositioningSolutionTypeV1;

    /// <summary>CauseCode: <c>{"causeCode": causeCodeType, "subCauseCode": subCauseCode}</c>.</summary>
    public static void WriteCauseCode(Utf8JsonWriter writer, JsonEncodedText key, CauseCode cause)
    {
        writer.WriteStartObject(key);
        writer.WriteNumber(Key.CauseCode, cause.CauseCodeType);
        writer.WriteNumber(Key.SubCauseCode, cause.SubCauseCode);
        writer.WriteEndObject();
    }

    public static CauseCode ReadCauseCode(ref Utf8JsonReader reader, JerPath path) =>
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

    public static void WriteActionId(Utf8JsonWriter writer, ActionID actionId) =>
        JerManagement<JerV1>.WriteActionId(writer, actionId.OriginatingStationID, actionId.SequenceNumber);

    public static ActionID ReadActionId(ref Utf8JsonReader reader, JerPath path)
    {
        var (originatingStationId, sequenceNumber) = JerManagement<JerV1>.ReadActionId(ref reader, path);
        return new ActionID { OriginatingStationID = originatingStationId, SequenceNumber = sequenceNumber };
    }
}
