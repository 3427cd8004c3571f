using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using StepProducer.Encoding.Its;

namespace StepProducer.Encoding.Denm;

/// <summary>
/// A cheap upper bound of a DENM's UPER length, for <see cref="UperPdu.TryEncode"/>: when it fits the
/// destination, the DENM is encoded straight into it, since it cannot overflow; otherwise it goes through
/// a scratch buffer, so that a destination that turns out too small stays untouched.
/// </summary>
/// <remarks>
/// The bound is the widest encoding of every present root component (the bits of each constrained whole
/// number, X.691 clause 11.5.7.1, with every OPTIONAL present) plus each SEQUENCE OF's count times the widest
/// element, plus the raw open-type octets. Both module versions (EN 302 637-3 v1.3.1, TS 103 831 v2.2.1 over
/// CDD v1.3.1 / v2.2.1) give these components the same widths. The alacarte container gets no bound
/// (<see cref="Unknown"/>): its many nested lists and character strings would cost more code than the one
/// copy they save, and the DEN service does not send it.
/// </remarks>
internal static class UperLengthBound
{
    /// <summary>No bound: the caller encodes through its scratch buffer.</summary>
    public const int Unknown = int.MaxValue;

    // ReferencePosition: latitude 31 bits (1800000002 values), longitude 32 (3600000002), semiMajorConfidence
    // and semiMinorConfidence 12 each (0..4095), semiMajorOrientation 12 (0..3601), altitudeValue 20
    // (900002 values), altitudeConfidence 4 (16 values).
    private const int ReferencePositionBits = 31 + 32 + 12 + 12 + 12 + 20 + 4;

    // ItsPduHeader: protocolVersion 8, messageID 8, stationID 32; then the payload's 3 presence bits.
    private const int HeaderAndPayloadBits = 8 + 8 + 32 + 3;

    // ManagementContainer: extension bit and 5 presence bits, actionID (stationID 32 + sequenceNumber 16),
    // detectionTime and referenceTime (TimestampIts, 42 bits each), termination 1, eventPosition,
    // relevanceDistance / awarenessDistance 3, relevanceTrafficDirection / trafficDirection 2,
    // validityDuration 17 (0..86400), transmissionInterval 14 (1..10000), stationType 8.
    private const int ManagementBits = 6 + 32 + 16 + 42 + 42 + 1 + ReferencePositionBits + 3 + 2 + 17 + 14 + 8;

    // CauseCode (v1.3.1) and CauseCodeV2 (v2.2.1): extension bit, 8 + 8 bits.
    private const int CauseCodeBits = 1 + 8 + 8;

    // SituationContainer root: extension bit and 2 presence bits, informationQuality 3 (0..7), eventType,
    // linkedCause; eventHistory / eventZone's length 5 bits (SIZE(1..23)).
    private const int SituationRootBits = 3 + 3 + CauseCodeBits + CauseCodeBits + 5;

    // PathDeltaTime INTEGER (1..65535, ...) of a model int: inside the root the extension bit and 16 bits;
    // outside it the extension bit, a one-octet length and at most 4 octets of an int (X.691 clause 12.2.6).
    private const int PathDeltaTimeBits = 1 + 8 + 32;

    // DeltaReferencePosition: deltaLatitude and deltaLongitude 18 bits each, deltaAltitude 15.
    private const int DeltaReferencePositionBits = 18 + 18 + 15;

    // EventPoint: presence bit of eventDeltaTime, eventPosition, eventDeltaTime, informationQuality 3.
    private const int EventPointBits = 1 + DeltaReferencePositionBits + PathDeltaTimeBits + 3;

    // LocationContainer root: extension bit and 3 presence bits, eventSpeed (16383: 14 bits, confidence 7),
    // eventPositionHeading (3601: 12 bits, confidence 7), the traces' length 3 bits (SIZE(1..7)), roadType 2.
    private const int LocationRootBits = 4 + 14 + 7 + 12 + 7 + 3 + 2;

    // PathHistory / Path: length 6 bits (SIZE(0..40)); PathPoint: presence bit of pathDeltaTime, pathPosition,
    // pathDeltaTime.
    private const int PathLengthBits = 6;
    private const int PathPointBits = 1 + DeltaReferencePositionBits + PathDeltaTimeBits;

    // One extension addition group present (X.691 clause 19.8): the bitmap's normally small length 7 bits, the
    // bitmap bit, and the open type's length determinant, at most 2 octets below 16K (clause 11.9.3.7).
    private const int SingleAdditionOverheadBits = 7 + 1 + 16;

    // The v2.2.1 SituationContainer group [[linkedDenms, eventEnd]]: 2 presence bits, the length of
    // linkedDenms (SIZE(1..8, ...): the extension bit and 3 bits in the root, else a length determinant of at
    // most 16 bits, X.691 clause 20.4), eventEnd 14 bits (Position1d, -8190..8191); per ActionId 48 bits.
    private const int SituationGroupBits = 2 + 1 + 16 + 14;
    private const int ActionIdBits = 32 + 16;

    // An open type's contents are whole octets (X.691 clause 11.2, 10.1.3): up to 7 padding bits.
    private const int OpenTypePaddingBits = 7;

    // The header, the payload's presence bits and the management container.
    private const int HeaderAndManagementBits = HeaderAndPayloadBits + ManagementBits;

    /// <summary>
    /// The bound in octets of a DENM whose situation and location containers take at most
    /// <paramref name="containerBits"/>; <see cref="Unknown"/> with an alacarte container.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Denm(bool hasAlacarte, long containerBits) =>
        hasAlacarte ? Unknown : (int)Math.Min((HeaderAndManagementBits + containerBits + 7) / 8, Unknown);

    /// <summary>Bits of a SituationContainer's root components with its event history / event zone.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long SituationBits(List<EventPoint>? eventPoints) =>
        SituationRootBits + ((long)(eventPoints?.Count ?? 0) * EventPointBits);

    /// <summary>Bits of the v2.2.1 SituationContainer group [[linkedDenms, eventEnd]] when present.</summary>
    public static long SituationGroupBitsOf(int linkedDenmCount) =>
        SingleAdditionOverheadBits + SituationGroupBits + ((long)linkedDenmCount * ActionIdBits) + OpenTypePaddingBits;

    /// <summary>Bits of a LocationContainer's root components with its traces / detection zones.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long LocationBits(List<List<PathPoint>> traces)
    {
        long bits = LocationRootBits;
        foreach (var path in CollectionsMarshal.AsSpan(traces))
        {
            bits += PathLengthBits + ((long)path.Count * PathPointBits);
        }

        return bits;
    }

    /// <summary>Bits of one extension addition group kept as raw open-type octets.</summary>
    public static long RawAdditionBits(byte[] openTypeContents) => SingleAdditionOverheadBits + (8L * openTypeContents.Length);
}
