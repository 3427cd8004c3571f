namespace StepProducer.Encoding.Its;

// A BIT STRING of n bits is held as an n-bit number whose most significant bit is ASN.1 bit 0, the bit UPER
// writes first (X.691 clause 16): named bit k of a SIZE(n) type has the value 1 << (n - 1 - k).

/// <summary>ASN.1 <c>LightBarSirenInUse</c> BIT STRING (SIZE(2)), TS 102 894-2 v1.3.1 and v2.2.1.</summary>
[Flags]
public enum LightBarSirenInUse
{
    None = 0,
    LightBarActivated = 1 << 1,
    SirenActivated = 1 << 0,
}

/// <summary>ASN.1 <c>EnergyStorageType</c> BIT STRING (SIZE(7)), TS 102 894-2 v1.3.1 and v2.2.1.</summary>
[Flags]
public enum EnergyStorageType
{
    None = 0,
    HydrogenStorage = 1 << 6,
    ElectricEnergyStorage = 1 << 5,
    LiquidPropaneGas = 1 << 4,
    CompressedNaturalGas = 1 << 3,
    Diesel = 1 << 2,
    Gasoline = 1 << 1,
    Ammonia = 1 << 0,
}

/// <summary>ASN.1 <c>PositionOfOccupants</c> BIT STRING (SIZE(20)), TS 102 894-2 v1.3.1 and v2.2.1.</summary>
[Flags]
public enum PositionOfOccupants
{
    None = 0,
    Row1LeftOccupied = 1 << 19,
    Row1RightOccupied = 1 << 18,
    Row1MidOccupied = 1 << 17,
    Row1NotDetectable = 1 << 16,
    Row1NotPresent = 1 << 15,
    Row2LeftOccupied = 1 << 14,
    Row2RightOccupied = 1 << 13,
    Row2MidOccupied = 1 << 12,
    Row2NotDetectable = 1 << 11,
    Row2NotPresent = 1 << 10,
    Row3LeftOccupied = 1 << 9,
    Row3RightOccupied = 1 << 8,
    Row3MidOccupied = 1 << 7,
    Row3NotDetectable = 1 << 6,
    Row3NotPresent = 1 << 5,
    Row4LeftOccupied = 1 << 4,
    Row4RightOccupied = 1 << 3,
    Row4MidOccupied = 1 << 2,
    Row4NotDetectable = 1 << 1,
    Row4NotPresent = 1 << 0,
}

/// <summary>
/// ASN.1 <c>DrivingLaneStatus</c> BIT STRING (SIZE (1..13)), TS 102 894-2 v1.3.1 and v2.2.1: a variable-size
/// bit string with no named bits.
/// </summary>
public struct DrivingLaneStatus
{
    /// <summary>Number of bits, 1..13.</summary>
    public int Length { get; set; }

    /// <summary>
    /// The bits as a <see cref="Length"/>-bit number: ASN.1 bit k is <c>1 &lt;&lt; (Length - 1 - k)</c>.
    /// Bits at or above <see cref="Length"/> must be 0.
    /// </summary>
    public int Bits { get; set; }
}
