namespace StepProducer.Encoding.Its;

/// <summary>
/// ASN.1 <c>DeltaReferencePosition</c>, TS 102 894-2 v1.3.1 and v2.2.1 (identical).
/// </summary>
public struct DeltaReferencePosition
{
    /// <summary><c>DeltaLatitude</c>: INTEGER (-131071..131072), 0.1 microdegree; 131072 = unavailable.</summary>
    public int DeltaLatitude { get; set; }

    /// <summary><c>DeltaLongitude</c>: INTEGER (-131071..131072), 0.1 microdegree; 131072 = unavailable.</summary>
    public int DeltaLongitude { get; set; }

    /// <summary><c>DeltaAltitude</c>: INTEGER (-12700..12800), cm; 12800 = unavailable.</summary>
    public int DeltaAltitude { get; set; }
}

/// <summary>
/// ASN.1 <c>PathPoint</c>, TS 102 894-2 v1.3.1 and v2.2.1 (identical). A <c>PathHistory</c> (v1.3.1) or
/// <c>Path</c> (v2.2.1), both SEQUENCE (SIZE(0..40)) OF PathPoint, is a <see cref="List{PathPoint}"/>.
/// </summary>
public struct PathPoint
{
    /// <summary>ASN.1 component <c>pathPosition</c>.</summary>
    public DeltaReferencePosition PathPosition { get; set; }

    /// <summary>
    /// OPTIONAL <c>PathDeltaTime</c>: INTEGER (1..65535, ...), 10 ms. The extension marker means values
    /// outside the root are legal on the wire; this model keeps the root range.
    /// </summary>
    public int? PathDeltaTime { get; set; }
}

/// <summary>
/// ASN.1 <c>EventPoint</c>, TS 102 894-2 v1.3.1 and v2.2.1 (identical). <c>EventHistory</c> (and the v2
/// <c>EventZone</c>) is SEQUENCE (SIZE(1..23)) OF EventPoint, a <see cref="List{EventPoint}"/>.
/// </summary>
public struct EventPoint
{
    /// <summary>ASN.1 component <c>eventPosition</c>.</summary>
    public DeltaReferencePosition EventPosition { get; set; }

    /// <summary>OPTIONAL <c>PathDeltaTime</c>: INTEGER (1..65535, ...), 10 ms.</summary>
    public int? EventDeltaTime { get; set; }

    /// <summary><c>InformationQuality</c>: INTEGER (0..7).</summary>
    public int InformationQuality { get; set; }
}
