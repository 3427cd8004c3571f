using StepProducer.Encoding.Its;

namespace StepProducer.Encoding.Denm.V1;

/// <summary>
/// ASN.1 <c>SituationContainer</c> SEQUENCE (extensible, no known additions), EN 302 637-3 v1.3.1.
/// </summary>
public sealed class SituationContainer
{
    /// <summary><c>InformationQuality</c>: INTEGER (0..7).</summary>
    public int InformationQuality { get; set; }

    /// <summary>ASN.1 component <c>eventType</c>.</summary>
    public CauseCode EventType { get; set; }

    /// <summary>OPTIONAL <c>linkedCause</c>.</summary>
    public CauseCode? LinkedCause { get; set; }

    /// <summary>OPTIONAL <c>EventHistory</c>: SEQUENCE (SIZE(1..23)) OF EventPoint; null when absent.</summary>
    public List<EventPoint>? EventHistory { get; set; }
}

/// <summary>
/// ASN.1 <c>CauseCode</c> SEQUENCE (extensible, no known additions), TS 102 894-2 v1.3.1.
/// </summary>
public struct CauseCode
{
    /// <summary>
    /// ASN.1 component <c>causeCode</c>, <c>CauseCodeType</c>: INTEGER (0..255); e.g. collisionRisk = 97.
    /// Named after its type: C# forbids a member named like its enclosing type.
    /// </summary>
    public int CauseCodeType { get; set; }

    /// <summary><c>SubCauseCodeType</c>: INTEGER (0..255).</summary>
    public int SubCauseCode { get; set; }
}

/// <summary>
/// ASN.1 <c>LocationContainer</c> SEQUENCE (extensible, no known additions), EN 302 637-3 v1.3.1.
/// </summary>
public sealed class LocationContainer
{
    /// <summary>OPTIONAL <c>eventSpeed</c>.</summary>
    public Speed? EventSpeed { get; set; }

    /// <summary>OPTIONAL <c>eventPositionHeading</c>.</summary>
    public Heading? EventPositionHeading { get; set; }

    /// <summary>
    /// <c>Traces</c>: SEQUENCE SIZE(1..7) OF PathHistory, each SEQUENCE (SIZE(0..40)) OF PathPoint.
    /// </summary>
    public List<List<PathPoint>> Traces { get; set; } = [];

    /// <summary>OPTIONAL <c>roadType</c>.</summary>
    public RoadType? RoadType { get; set; }
}
