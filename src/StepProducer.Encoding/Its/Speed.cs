namespace StepProducer.Encoding.Its;

/// <summary>
/// ASN.1 <c>Speed</c>, TS 102 894-2 v1.3.1 and v2.2.1 (identical).
/// </summary>
public struct Speed
{
    /// <summary><c>SpeedValue</c>: INTEGER (0..16383), cm/s; 16383 = unavailable.</summary>
    public int SpeedValue { get; set; }

    /// <summary><c>SpeedConfidence</c>: INTEGER (1..127), cm/s; 126 = outOfRange, 127 = unavailable.</summary>
    public int SpeedConfidence { get; set; }
}

/// <summary>
/// ASN.1 <c>Heading</c>, TS 102 894-2 v1.3.1 and v2.2.1 (identical; only the v1.3.1 DENM uses it).
/// </summary>
public struct Heading
{
    /// <summary><c>HeadingValue</c>: INTEGER (0..3601), 0.1 degree; 3601 = unavailable.</summary>
    public int HeadingValue { get; set; }

    /// <summary><c>HeadingConfidence</c>: INTEGER (1..127), 0.1 degree; 126 = outOfRange, 127 = unavailable.</summary>
    public int HeadingConfidence { get; set; }
}
