namespace StepProducer.Encoding.Tests.Jer;

/// <summary>
/// The JER of some vectors, written by hand from the ASN.1 modules and the X.697 rules (not captured from
/// the writer): the vector's field values, keys named as in the vector's module version, enumerations as
/// identifiers, absent OPTIONALs and the DEFAULT validityDuration left out, components in ASN.1 order.
/// </summary>
internal static class JerExpectedTexts
{
    /// <summary>
    /// The eventPosition shared by the vectors: altitudeConfidence 15 is <c>unavailable</c> in AltitudeConfidence.
    /// </summary>
    private const string EventPosition =
        """{"latitude":488566140,"longitude":23522190,"positionConfidenceEllipse":{"semiMajorConfidence":500,"semiMinorConfidence":300,"semiMajorOrientation":900},"altitude":{"altitudeValue":3500,"altitudeConfidence":"unavailable"}}""";

    /// <summary>denm_vectors.json "v1_cancellation": termination 0 is <c>isCancellation</c>; no validityDuration (DEFAULT).</summary>
    public const string V1Cancellation =
        """{"header":{"protocolVersion":2,"messageID":1,"stationID":1001},"denm":{"management":{"actionID":{"originatingStationID":1001,"sequenceNumber":3},"detectionTime":700000000000,"referenceTime":700000009000,"termination":"isCancellation","eventPosition":"""
        + EventPosition + ""","stationType":5}}}""";

    /// <summary>
    /// denm_vectors.json "v2_new_collisionRisk_sub4_situation_location", with v2.2.1 keys: awarenessDistance 3 is
    /// <c>lessThan500m</c>, trafficDirection 2 is <c>sameAsReferenceDirection-downstreamOfReferencePosition</c>, and
    /// cause 97 / sub cause 4 is the CauseCodeChoice alternative <c>collisionRisk97</c> with value 4.
    /// The path point has no pathDeltaTime.
    /// </summary>
    public const string V2CollisionRiskSub4 =
        """{"header":{"protocolVersion":2,"messageId":1,"stationId":1001},"denm":{"management":{"actionId":{"originatingStationId":1001,"sequenceNumber":5},"detectionTime":700000000000,"referenceTime":700000000000,"eventPosition":"""
        + EventPosition
        + ""","awarenessDistance":"lessThan500m","trafficDirection":"sameAsReferenceDirection-downstreamOfReferencePosition","transmissionInterval":500,"stationType":5},"situation":{"informationQuality":2,"eventType":{"ccAndScc":{"collisionRisk97":4}}},"location":{"eventSpeed":{"speedValue":0,"speedConfidence":127},"eventPositionHeading":{"value":3601,"confidence":127},"detectionZonesToEventPosition":[[{"pathPosition":{"deltaLatitude":-50,"deltaLongitude":40,"deltaAltitude":-10}}]]}}}""";

    /// <summary>
    /// typical_denm.json: relevanceDistance 2 is <c>lessThan200m</c>, relevanceTrafficDirection 1 is
    /// <c>upstreamTraffic</c>, validityDuration 2 (not the DEFAULT, so present), one trace of 10 path points.
    /// </summary>
    public const string V1Typical =
        """{"header":{"protocolVersion":2,"messageID":1,"stationID":2002},"denm":{"management":{"actionID":{"originatingStationID":2002,"sequenceNumber":7},"detectionTime":700000000000,"referenceTime":700000000100,"eventPosition":"""
        + EventPosition
        + ""","relevanceDistance":"lessThan200m","relevanceTrafficDirection":"upstreamTraffic","validityDuration":2,"transmissionInterval":100,"stationType":15},"situation":{"informationQuality":5,"eventType":{"causeCode":97,"subCauseCode":2}},"location":{"traces":[["""
        + """{"pathPosition":{"deltaLatitude":-1150,"deltaLongitude":870,"deltaAltitude":0},"pathDeltaTime":100},"""
        + """{"pathPosition":{"deltaLatitude":-1180,"deltaLongitude":910,"deltaAltitude":10},"pathDeltaTime":105},"""
        + """{"pathPosition":{"deltaLatitude":-1210,"deltaLongitude":940,"deltaAltitude":-10},"pathDeltaTime":98},"""
        + """{"pathPosition":{"deltaLatitude":-1260,"deltaLongitude":980,"deltaAltitude":20},"pathDeltaTime":110},"""
        + """{"pathPosition":{"deltaLatitude":-1300,"deltaLongitude":1010,"deltaAltitude":0},"pathDeltaTime":101},"""
        + """{"pathPosition":{"deltaLatitude":-1350,"deltaLongitude":1060,"deltaAltitude":-20},"pathDeltaTime":99},"""
        + """{"pathPosition":{"deltaLatitude":-1390,"deltaLongitude":1100,"deltaAltitude":0},"pathDeltaTime":120},"""
        + """{"pathPosition":{"deltaLatitude":-1440,"deltaLongitude":1150,"deltaAltitude":10},"pathDeltaTime":100},"""
        + """{"pathPosition":{"deltaLatitude":-1480,"deltaLongitude":1190,"deltaAltitude":0},"pathDeltaTime":97},"""
        + """{"pathPosition":{"deltaLatitude":-1530,"deltaLongitude":1230,"deltaAltitude":-10},"pathDeltaTime":103}"""
        + """]]}}}""";
}
