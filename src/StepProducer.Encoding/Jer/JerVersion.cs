using System.Text.Json;

namespace StepProducer.Encoding.Jer;

/// <summary>
/// The identifiers and value constraints in which the JER of a DENM's header, management and location containers differs
/// between EN 302 637-3 v1.3.1 on TS 102 894-2 v1.3.1 (ITS-Container) and TS 103 831 v2.2.1 on TS 102 894-2
/// v2.2.1 (ETSI-ITS-CDD), whose components are otherwise the same. Implemented by a struct per version, so that
/// the shared code is specialised per version with direct calls (as <c>UperPdu</c> is for UPER).
/// </summary>
internal interface IJerVersionIdentifiers
{
    /// <summary>ItsPduHeader.protocolVersion: any octet in v1.3.1; only 2 in a v2.2.1 DENM.</summary>
    static abstract JerRange ProtocolVersionRange { get; }

    /// <summary>ItsPduHeader.messageID: any octet in v1.3.1; only denm (1) in a v2.2.1 DENM.</summary>
    static abstract JerRange MessageIdRange { get; }

    /// <summary>ItsPduHeader: messageID (v1.3.1) / messageId (v2.2.1).</summary>
    static abstract JsonEncodedText MessageIdKey { get; }

    /// <summary>ItsPduHeader: stationID (v1.3.1) / stationId (v2.2.1).</summary>
    static abstract JsonEncodedText StationIdKey { get; }

    /// <summary>ManagementContainer: actionID (v1.3.1) / actionId (v2.2.1).</summary>
    static abstract JsonEncodedText ActionIdKey { get; }

    /// <summary>ActionID / ActionId: originatingStationID (v1.3.1) / originatingStationId (v2.2.1).</summary>
    static abstract JsonEncodedText OriginatingStationIdKey { get; }

    /// <summary>ManagementContainer: relevanceDistance (v1.3.1) / awarenessDistance (v2.2.1).</summary>
    static abstract JsonEncodedText DistanceKey { get; }

    /// <summary>ManagementContainer: relevanceTrafficDirection (v1.3.1) / trafficDirection (v2.2.1).</summary>
    static abstract JsonEncodedText TrafficDirectionKey { get; }

    /// <summary>RelevanceTrafficDirection (v1.3.1) / TrafficDirection (v2.2.1): the same values, other identifiers.</summary>
    static abstract JerIdentifierTable TrafficDirection { get; }

    /// <summary>LocationContainer: traces (v1.3.1) / detectionZonesToEventPosition (v2.2.1).</summary>
    static abstract JsonEncodedText TracesKey { get; }

    /// <summary>eventPositionHeading's value: Heading.headingValue (v1.3.1) / Wgs84Angle.value (v2.2.1).</summary>
    static abstract JsonEncodedText HeadingValueKey { get; }

    /// <summary>eventPositionHeading's confidence: Heading.headingConfidence (v1.3.1) / Wgs84Angle.confidence (v2.2.1).</summary>
    static abstract JsonEncodedText HeadingConfidenceKey { get; }
}

/// <summary>
/// <see cref="IJerVersionIdentifiers"/> and the leaf types in which the JER of the à-la-carte containers
/// differs between the versions: CauseCode (v1.3.1) / CauseCodeV2 (v2.2.1), ActionID / ActionId, and the
/// ENUMERATED types that v2.2.1 extends.
/// </summary>
internal interface IJerVersion<TCause, TActionId> : IJerVersionIdentifiers
    where TCause : struct
    where TActionId : struct
{
    /// <summary>TrafficRule: v2.2.1 adds the extension value passToLeftOrRight.</summary>
    static abstract JerIdentifierTable TrafficRule { get; }

    /// <summary>PositioningSolutionType: v2.2.1 adds the extension value manuallyByOperator.</summary>
    static abstract JerIdentifierTable PositioningSolutionType { get; }

    /// <summary>Writes a CauseCode (v1.3.1) / CauseCodeV2 (v2.2.1) under <paramref name="key"/>.</summary>
    static abstract void WriteCauseCode(Utf8JsonWriter writer, JsonEncodedText key, TCause cause);

    static abstract TCause ReadCauseCode(ref Utf8JsonReader reader, JerPath path);

    /// <summary>Writes an ActionID (v1.3.1) / ActionId (v2.2.1) as a value; the caller has written its key.</summary>
    static abstract void WriteActionId(Utf8JsonWriter writer, TActionId actionId);

    static abstract TActionId ReadActionId(ref Utf8JsonReader reader, JerPath path);
}
