namespace StepProducer.Encoding.Its;

/// <summary>
/// ASN.1 <c>ReferencePosition</c>, TS 102 894-2 v1.3.1 (ITS-Container) and v2.2.1 (ETSI-ITS-CDD): the same
/// components and constraints in both versions.
/// </summary>
public struct ReferencePosition
{
    /// <summary><c>Latitude</c>: INTEGER (-900000000..900000001), 0.1 microdegree; 900000001 = unavailable.</summary>
    public int Latitude { get; set; }

    /// <summary><c>Longitude</c>: INTEGER (-1800000000..1800000001), 0.1 microdegree; 1800000001 = unavailable.</summary>
    public int Longitude { get; set; }

    /// <summary>ASN.1 component <c>positionConfidenceEllipse</c> (type <c>PosConfidenceEllipse</c>).</summary>
    public PosConfidenceEllipse PositionConfidenceEllipse { get; set; }

    /// <summary>ASN.1 component <c>altitude</c>.</summary>
    public Altitude Altitude { get; set; }
}

/// <summary>
/// ASN.1 <c>PosConfidenceEllipse</c>, TS 102 894-2 v1.3.1 and v2.2.1 (identical).
/// </summary>
public struct PosConfidenceEllipse
{
    /// <summary><c>SemiAxisLength</c>: INTEGER (0..4095), cm; 4094 = outOfRange, 4095 = unavailable.</summary>
    public int SemiMajorConfidence { get; set; }

    /// <summary><c>SemiAxisLength</c>: INTEGER (0..4095), cm; 4094 = outOfRange, 4095 = unavailable.</summary>
    public int SemiMinorConfidence { get; set; }

    /// <summary><c>HeadingValue</c>: INTEGER (0..3601), 0.1 degree; 3601 = unavailable.</summary>
    public int SemiMajorOrientation { get; set; }
}

/// <summary>
/// ASN.1 <c>Altitude</c>, TS 102 894-2 v1.3.1 and v2.2.1 (identical).
/// </summary>
public struct Altitude
{
    /// <summary><c>AltitudeValue</c>: INTEGER (-100000..800001), cm; 800001 = unavailable.</summary>
    public int AltitudeValue { get; set; }

    /// <summary>ASN.1 component <c>altitudeConfidence</c>.</summary>
    public AltitudeConfidence AltitudeConfidence { get; set; }
}

/// <summary>
/// ASN.1 <c>AltitudeConfidence</c> ENUMERATED (not extensible), TS 102 894-2 v1.3.1 and v2.2.1 (identical).
/// Member names are the ASN.1 identifiers with '-' written as '_'.
/// </summary>
public enum AltitudeConfidence
{
    Alt_000_01 = 0,
    Alt_000_02 = 1,
    Alt_000_05 = 2,
    Alt_000_10 = 3,
    Alt_000_20 = 4,
    Alt_000_50 = 5,
    Alt_001_00 = 6,
    Alt_002_00 = 7,
    Alt_005_00 = 8,
    Alt_010_00 = 9,
    Alt_020_00 = 10,
    Alt_050_00 = 11,
    Alt_100_00 = 12,
    Alt_200_00 = 13,
    OutOfRange = 14,
    Unavailable = 15,
}
