using StepProducer.Encoding.Its;

namespace StepProducer.Encoding.Denm.V2;

/// <summary>
/// ASN.1 <c>SituationContainer</c> SEQUENCE, TS 103 831 v2.2.1: extensible, with one extension addition
/// group <c>[[linkedDenms, eventEnd]]</c>, fully modelled. Constraint: <c>eventZone</c> and
/// <c>eventEnd</c> are not both present.
/// </summary>
public sealed class SituationContainer
{
    /// <summary><c>InformationQuality</c>: INTEGER (0..7).</summary>
    public int InformationQuality { get; set; }

    /// <summary>ASN.1 component <c>eventType</c>.</summary>
    public CauseCodeV2 EventType { get; set; }

    /// <summary>OPTIONAL <c>linkedCause</c>.</summary>
    public CauseCodeV2? LinkedCause { get; set; }

    /// <summary>
    /// OPTIONAL <c>EventZone</c>: SEQUENCE (SIZE(1..23)) OF EventPoint where either every point has
    /// <c>eventDeltaTime</c> or none has; null when absent.
    /// </summary>
    public List<EventPoint>? EventZone { get; set; }

    /// <summary>OPTIONAL <c>ActionIdList</c> (extension group): SEQUENCE (SIZE(1..8, ...)) OF ActionId; null when absent.</summary>
    public List<ActionId>? LinkedDenms { get; set; }

    /// <summary>OPTIONAL <c>Position1d</c> (extension group): INTEGER (-8190..8191), m; 8191 = unavailable.</summary>
    public int? EventEnd { get; set; }
}

/// <summary>
/// ASN.1 <c>LocationContainer</c> SEQUENCE, TS 103 831 v2.2.1: extensible, with one extension addition group
/// <c>[[lanePositions, occupiedLanes, linkedIvims, linkedMapems, detectionZonesToSpecifiedEventPoint,
/// predictedPaths]]</c>, kept whole as raw bytes.
/// </summary>
public sealed class LocationContainer
{
    /// <summary>OPTIONAL <c>eventSpeed</c>.</summary>
    public Speed? EventSpeed { get; set; }

    /// <summary>OPTIONAL <c>eventPositionHeading</c>.</summary>
    public Wgs84Angle? EventPositionHeading { get; set; }

    /// <summary>
    /// <c>Traces</c>: SEQUENCE SIZE(1..7) OF Path, each SEQUENCE (SIZE(0..40)) OF PathPoint.
    /// </summary>
    public List<List<PathPoint>> DetectionZonesToEventPosition { get; set; } = [];

    /// <summary>OPTIONAL <c>roadType</c>.</summary>
    public RoadType? RoadType { get; set; }

    /// <summary>
    /// The v2.2.1 extension addition group, kept whole: the octets of its open type (X.691 clause 19.9,
    /// without the length determinant), i.e. the group encoded as a SEQUENCE with its own preamble.
    /// Null when the group is absent. Re-encoded unchanged; not checked against the group's ASN.1.
    /// </summary>
    public byte[]? ExtensionGroupV22Raw { get; set; }
}

/// <summary>
/// ASN.1 <c>Wgs84Angle</c>, TS 102 894-2 v2.2.1 (ETSI-ITS-CDD).
/// </summary>
public struct Wgs84Angle
{
    /// <summary><c>Wgs84AngleValue</c>: INTEGER (0..3601), 0.1 degree; 3601 = unavailable.</summary>
    public int Value { get; set; }

    /// <summary><c>Wgs84AngleConfidence</c>: INTEGER (1..127), 0.1 degree; 126 = outOfRange, 127 = unavailable.</summary>
    public int Confidence { get; set; }
}
