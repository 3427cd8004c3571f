using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using StepProducer.Encoding.Denm;
using StepProducer.Encoding.Uper;

namespace StepProducer.Encoding.Its;

/// <summary>
/// UPER of the CDD types that TS 102 894-2 v1.3.1 and v2.2.1 define identically. Bounds are the INTEGER and
/// SIZE constraints of those modules. Each composite prepends its identifier to an error unwinding from it.
/// </summary>
internal static partial class CddUper
{
    // Latitude INTEGER (-900000000..900000001); Longitude INTEGER (-1800000000..1800000001).
    public const int LatitudeMin = -900_000_000;
    public const int LatitudeMax = 900_000_001;
    public const int LongitudeMin = -1_800_000_000;
    public const int LongitudeMax = 1_800_000_001;

    // SemiAxisLength INTEGER (0..4095); HeadingValue and Wgs84AngleValue INTEGER (0..3601).
    public const int SemiAxisLengthMax = 4095;
    public const int HeadingValueMax = 3601;

    // AltitudeValue INTEGER (-100000..800001).
    public const int AltitudeValueMin = -100_000;
    public const int AltitudeValueMax = 800_001;

    // DeltaLatitude / DeltaLongitude INTEGER (-131071..131072); DeltaAltitude INTEGER (-12700..12800).
    public const int DeltaLatLonMin = -131_071;
    public const int DeltaLatLonMax = 131_072;
    public const int DeltaAltitudeMin = -12_700;
    public const int DeltaAltitudeMax = 12_800;

    // Their widths as constrained whole numbers: 262144 values in 18 bits, 25501 values in 15 bits.
    private const int DeltaLatLonBits = 18;
    private const int DeltaAltitudeBits = 15;
    private const int DeltaReferencePositionBits = (2 * DeltaLatLonBits) + DeltaAltitudeBits;

    // PathDeltaTime INTEGER (1..65535, ...).
    public const int PathDeltaTimeMin = 1;
    public const int PathDeltaTimeMax = 65_535;

    // SpeedValue INTEGER (0..16383); SpeedConfidence, HeadingConfidence, Wgs84AngleConfidence INTEGER (1..127).
    public const int SpeedValueMax = 16_383;
    public const int ConfidenceMin = 1;
    public const int ConfidenceMax = 127;

    // InformationQuality INTEGER (0..7).
    public const int InformationQualityMax = 7;

    // TimestampIts INTEGER (0..4398046511103); StationID / StationId INTEGER (0..4294967295);
    // SequenceNumber INTEGER (0..65535); StationType INTEGER (0..255), as are the other one-octet integers.
    public const long StationIdMax = uint.MaxValue;
    public const int SequenceNumberMax = 65_535;
    public const int OctetMax = 255;

    // PathHistory / Path SEQUENCE (SIZE(0..40)); Traces SEQUENCE SIZE(1..7); EventHistory SIZE(1..23);
    // ItineraryPath SIZE(1..40).
    public const int PathMaxPoints = 40;
    public const int TracesMax = 7;
    public const int EventHistoryMax = 23;
    public const int ItineraryPathMax = 40;

    // AltitudeConfidence: 16 values; RoadType: 4; HardShoulderStatus: 3; StationarySince: 4;
    // DangerousGoodsBasic: 20; RequestResponseIndication: 2. None has an extension marker.
    public const int AltitudeConfidenceCount = 16;
    public const int RoadTypeCount = 4;
    public const int HardShoulderStatusCount = 3;
    public const int StationarySinceCount = 4;
    public const int DangerousGoodsBasicCount = 20;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteReferencePosition(ref UperWriter writer, in ReferencePosition value, string identifier)
    {
        writer.Path.Push(identifier);
        writer.WriteConstrainedInteger(value.Latitude, LatitudeMin, LatitudeMax, "latitude");
        writer.WriteConstrainedInteger(value.Longitude, LongitudeMin, LongitudeMax, "longitude");
        var ellipse = value.PositionConfidenceEllipse;
        writer.WriteConstrainedInteger(ellipse.SemiMajorConfidence, 0, SemiAxisLengthMax, "positionConfidenceEllipse.semiMajorConfidence");
        writer.WriteConstrainedInteger(ellipse.SemiMinorConfidence, 0, SemiAxisLengthMax, "positionConfidenceEllipse.semiMinorConfidence");
        writer.WriteConstrainedInteger(ellipse.SemiMajorOrientation, 0, HeadingValueMax, "positionConfidenceEllipse.semiMajorOrientation");
        var altitude = value.Altitude;
        writer.WriteConstrainedInteger(altitude.AltitudeValue, AltitudeValueMin, AltitudeValueMax, "altitude.altitudeValue");
        writer.WriteEnumerated((int)altitude.AltitudeConfidence, AltitudeConfidenceCount, "altitude.altitudeConfidence", "AltitudeConfidence");
        writer.Path.Pop();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReferencePosition ReadReferencePosition(ref UperReader reader, string identifier)
    {
        reader.Path.Push(identifier);
        var value = new ReferencePosition
        {
            Latitude = (int)reader.ReadConstrainedInteger(LatitudeMin, LatitudeMax, "latitude"),
            Longitude = (int)reader.ReadConstrainedInteger(LongitudeMin, LongitudeMax, "longitude"),
            PositionConfidenceEllipse = new PosConfidenceEllipse
            {
                SemiMajorConfidence = (int)reader.ReadConstrainedInteger(0, SemiAxisLengthMax, "positionConfidenceEllipse.semiMajorConfidence"),
                SemiMinorConfidence = (int)reader.ReadConstrainedInteger(0, SemiAxisLengthMax, "positionConfidenceEllipse.semiMinorConfidence"),
                SemiMajorOrientation = (int)reader.ReadConstrainedInteger(0, HeadingValueMax, "positionConfidenceEllipse.semiMajorOrientation"),
            },
            Altitude = new Altitude
            {
                AltitudeValue = (int)reader.ReadConstrainedInteger(AltitudeValueMin, AltitudeValueMax, "altitude.altitudeValue"),
                AltitudeConfidence = (AltitudeConfidence)reader.ReadEnumerated(AltitudeConfidenceCount, "altitude.altitudeConfidence"),
            },
        };
        reader.Path.Pop();
        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteDeltaReferencePosition(ref UperWriter writer, in DeltaReferencePosition value, string identifier)
    {
        if (!IsInRange(value))
        {
            ThrowDeltaOutOfRange(in writer.Path, identifier, value);
        }

        writer.WriteBits(Pack(value), DeltaReferencePositionBits);
    }

    /// <summary>True when the three components of a DeltaReferencePosition are within their bounds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsInRange(in DeltaReferencePosition value) =>
        // value − lb is negative (a huge uint) below lb, so one unsigned compare checks both bounds.
        (uint)(value.DeltaLatitude - DeltaLatLonMin) <= (uint)(DeltaLatLonMax - DeltaLatLonMin)
        && (uint)(value.DeltaLongitude - DeltaLatLonMin) <= (uint)(DeltaLatLonMax - DeltaLatLonMin)
        && (uint)(value.DeltaAltitude - DeltaAltitudeMin) <= (uint)(DeltaAltitudeMax - DeltaAltitudeMin);

    /// <summary>
    /// The three constrained whole numbers (18 + 18 + 15 bits, X.691 clause 11.5.7.1) as one 51-bit value: the
    /// hottest construct of a DENM (every path and event point), so one accumulator update instead of three.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Pack(in DeltaReferencePosition value)
    {
        var deltaLatitude = (ulong)(value.DeltaLatitude - DeltaLatLonMin);
        var deltaLongitude = (ulong)(value.DeltaLongitude - DeltaLatLonMin);
        var deltaAltitude = (ulong)(value.DeltaAltitude - DeltaAltitudeMin);
        return (((deltaLatitude << DeltaLatLonBits) | deltaLongitude) << DeltaAltitudeBits) | deltaAltitude;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DeltaReferencePosition ReadDeltaReferencePosition(ref UperReader reader, string identifier) =>
        Unpack(ref reader, reader.ReadBits(DeltaReferencePositionBits, identifier), identifier);

    /// <summary>
    /// The mirror of <see cref="Pack"/> for the 51 bits just read; each part is checked against its bound
    /// (18 bits can hold up to 262143, above DeltaLatitude's 262143 − 131071 = 131072).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static DeltaReferencePosition Unpack(ref UperReader reader, ulong bits, string identifier)
    {
        var start = reader.BitPosition - DeltaReferencePositionBits;
        const ulong latLonMask = (1UL << DeltaLatLonBits) - 1;
        const ulong altitudeMask = (1UL << DeltaAltitudeBits) - 1;
        return new DeltaReferencePosition
        {
            DeltaLatitude = Checked(in reader.Path, (long)(bits >> (DeltaLatLonBits + DeltaAltitudeBits)) + DeltaLatLonMin, DeltaLatLonMin, DeltaLatLonMax, start, identifier, "deltaLatitude"),
            DeltaLongitude = Checked(in reader.Path, (long)((bits >> DeltaAltitudeBits) & latLonMask) + DeltaLatLonMin, DeltaLatLonMin, DeltaLatLonMax, start + DeltaLatLonBits, identifier, "deltaLongitude"),
            DeltaAltitude = Checked(in reader.Path, (long)(bits & altitudeMask) + DeltaAltitudeMin, DeltaAltitudeMin, DeltaAltitudeMax, start + (2 * DeltaLatLonBits), identifier, "deltaAltitude"),
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Checked(in FieldPathStack path, long value, int lowerBound, int upperBound, long bitOffset, string identifier, string field)
    {
        if (value > upperBound)
        {
            ThrowDecodedOutOfRange(in path, value, lowerBound, upperBound, bitOffset, identifier, field);
        }

        return (int)value;
    }

    /// <summary>Throws for the first component of <paramref name="value"/> (in ASN.1 order) that is out of range.</summary>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowDeltaOutOfRange(in FieldPathStack path, string identifier, DeltaReferencePosition value)
    {
        var (field, component, lowerBound, upperBound) =
            value.DeltaLatitude is < DeltaLatLonMin or > DeltaLatLonMax ? ("deltaLatitude", value.DeltaLatitude, DeltaLatLonMin, DeltaLatLonMax)
            : value.DeltaLongitude is < DeltaLatLonMin or > DeltaLatLonMax ? ("deltaLongitude", value.DeltaLongitude, DeltaLatLonMin, DeltaLatLonMax)
            : ("deltaAltitude", value.DeltaAltitude, DeltaAltitudeMin, DeltaAltitudeMax);
        throw new DenmEncodeException(path.Format(identifier, field), $"{component} outside {lowerBound}..{upperBound}");
    }

    [DoesNotReturn]
    private static void ThrowDecodedOutOfRange(
        in FieldPathStack path, long value, int lowerBound, int upperBound, long bitOffset, string identifier, string field) =>
        throw new DenmDecodeException(path.Format(identifier, field), $"{value} outside {lowerBound}..{upperBound}", bitOffset);

    /// <summary>Traces (v1.3.1: OF PathHistory; v2.2.1: OF Path), both SIZE(1..7) OF SIZE(0..40) OF PathPoint.</summary>
    public static void WriteTraces(ref UperWriter writer, List<List<PathPoint>> traces, string identifier)
    {
        // The hot loop of a typical DENM (its 10 path points are most of its 136 octets): it works on a copy of
        // the writer whose calls all inline, so that the bit accumulator stays in registers instead of going
        // through the ref for every field.
        var local = writer;
        local.Path.Push(identifier);
        local.WriteConstrainedLength(traces.Count, 1, TracesMax, "");
        local.Path.PushIndex();
        for (var index = 0; index < traces.Count; index++)
        {
            local.Path.SetIndex(index);
            WritePath(ref local, traces[index]);
        }

        local.Path.Pop();
        local.Path.Pop();
        writer = local;
    }

    /// <summary>Decodes Traces into <paramref name="traces"/>, reusing its inner lists.</summary>
    public static void ReadTraces(ref UperReader reader, List<List<PathPoint>> traces, string identifier)
    {
        // The hot loop of a typical DENM, as in WriteTraces: a copy of the reader whose calls all inline, so
        // that its bit position stays in a register.
        var local = reader;
        local.Path.Push(identifier);
        var count = local.ReadConstrainedLength(1, TracesMax, "");
        if (traces.Count > count)
        {
            traces.RemoveRange(count, traces.Count - count);
        }

        local.Path.PushIndex();
        for (var index = 0; index < count; index++)
        {
            if (index == traces.Count)
            {
                traces.Add([]);
            }

            local.Path.SetIndex(index);
            ReadPath(ref local, traces[index]);
        }

        local.Path.Pop();
        local.Path.Pop();
        reader = local;
    }

    /// <summary>
    /// PathHistory / Path. An element has no path frame of its own: only a point out of range needs its
    /// index, and it passes it to the throw helper.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WritePath(ref UperWriter writer, List<PathPoint> path)
    {
        writer.WriteConstrainedLength(path.Count, 0, PathMaxPoints, "");
        var points = CollectionsMarshal.AsSpan(path);
        for (var index = 0; index < points.Length; index++)
        {
            ref readonly var point = ref points[index];
            var position = point.PathPosition;
            var latitude = (uint)(position.DeltaLatitude - DeltaLatLonMin);
            var longitude = (uint)(position.DeltaLongitude - DeltaLatLonMin);
            var altitude = (uint)(position.DeltaAltitude - DeltaAltitudeMin);

            // The three range checks as in IsInRange, with one branch; the throw helper reads the point again.
            if ((latitude > DeltaLatLonMax - DeltaLatLonMin) | (longitude > DeltaLatLonMax - DeltaLatLonMin) | (altitude > DeltaAltitudeMax - DeltaAltitudeMin))
            {
                ThrowDeltaOutOfRange(in writer.Path, FieldPathStack.Element(index, "pathPosition"), points[index].PathPosition);
            }

            // The presence bit of pathDeltaTime (X.691 clause 19.2) and the 51 bits of pathPosition in one write.
            var deltaTime = point.PathDeltaTime;
            var presence = deltaTime.HasValue ? 1UL << DeltaReferencePositionBits : 0;
            writer.WriteBits(
                presence | ((ulong)latitude << (DeltaLatLonBits + DeltaAltitudeBits)) | ((ulong)longitude << DeltaAltitudeBits) | altitude,
                DeltaReferencePositionBits + 1);
            if (deltaTime.HasValue)
            {
                writer.WriteExtensibleInteger(deltaTime.GetValueOrDefault(), PathDeltaTimeMin, PathDeltaTimeMax);
            }
        }
    }

    /// <summary>PathHistory / Path into <paramref name="path"/>, resized in place (no allocation once it has the capacity).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ReadPath(ref UperReader reader, List<PathPoint> path)
    {
        var count = reader.ReadConstrainedLength(0, PathMaxPoints, "");
        CollectionsMarshal.SetCount(path, count);
        var points = CollectionsMarshal.AsSpan(path);
        reader.Path.PushIndex();
        for (var index = 0; index < points.Length; index++)
        {
            reader.Path.SetIndex(index);
            bool hasDeltaTime;
            DeltaReferencePosition position;
            if (reader.RemainingBits > DeltaReferencePositionBits)
            {
                // The presence bit of pathDeltaTime and the 51 bits of pathPosition in one read.
                var bits = reader.ReadBits(DeltaReferencePositionBits + 1, "");
                hasDeltaTime = (bits >> DeltaReferencePositionBits) != 0;
                position = Unpack(ref reader, bits & ((1UL << DeltaReferencePositionBits) - 1), "pathPosition");
            }
            else
            {
                // Near the end of the input: field by field, so that a truncation names the part it cuts.
                hasDeltaTime = reader.ReadBit("");
                position = ReadDeltaReferencePosition(ref reader, "pathPosition");
            }

            points[index] = new PathPoint
            {
                PathPosition = position,
                PathDeltaTime = hasDeltaTime ? reader.ReadExtensibleInteger(PathDeltaTimeMin, PathDeltaTimeMax, "pathDeltaTime") : null,
            };
        }

        reader.Path.Pop();
    }

    /// <summary>EventHistory (and the v2.2.1 EventZone): SEQUENCE (SIZE(1..23)) OF EventPoint.</summary>
    public static void WriteEventHistory(ref UperWriter writer, List<EventPoint> points, string identifier)
    {
        writer.Path.Push(identifier);
        writer.WriteConstrainedLength(points.Count, 1, EventHistoryMax, "");
        writer.Path.PushIndex();
        for (var index = 0; index < points.Count; index++)
        {
            writer.Path.SetIndex(index);
            var point = points[index];
            writer.WriteBit(point.EventDeltaTime.HasValue);
            WriteDeltaReferencePosition(ref writer, point.EventPosition, "eventPosition");
            if (point.EventDeltaTime is { } deltaTime)
            {
                writer.WriteExtensibleInteger(deltaTime, PathDeltaTimeMin, PathDeltaTimeMax);
            }

            writer.WriteConstrainedInteger(point.InformationQuality, 0, InformationQualityMax, "informationQuality");
        }

        writer.Path.Pop();
        writer.Path.Pop();
    }

    public static void ReadEventHistory(ref UperReader reader, List<EventPoint> points, string identifier)
    {
        reader.Path.Push(identifier);
        var count = reader.ReadConstrainedLength(1, EventHistoryMax, "");
        points.Clear();
        reader.Path.PushIndex();
        for (var index = 0; index < count; index++)
        {
            reader.Path.SetIndex(index);
            var hasDeltaTime = reader.ReadBit("");
            var position = ReadDeltaReferencePosition(ref reader, "eventPosition");
            int? deltaTime = hasDeltaTime ? reader.ReadExtensibleInteger(PathDeltaTimeMin, PathDeltaTimeMax, "eventDeltaTime") : null;
            points.Add(new EventPoint
            {
                EventPosition = position,
                EventDeltaTime = deltaTime,
                InformationQuality = (int)reader.ReadConstrainedInteger(0, InformationQualityMax, "informationQuality"),
            });
        }

        reader.Path.Pop();
        reader.Path.Pop();
    }

    /// <summary>Speed, or the v1.3.1 Heading / v2.2.1 Wgs84Angle: a value and a 1..127 confidence.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteValueAndConfidence(
        ref UperWriter writer, int value, int valueMax, int confidence, string identifier, string valueName, string confidenceName)
    {
        writer.Path.Push(identifier);
        writer.WriteConstrainedInteger(value, 0, valueMax, valueName);
        writer.WriteConstrainedInteger(confidence, ConfidenceMin, ConfidenceMax, confidenceName);
        writer.Path.Pop();
    }

    public static (int Value, int Confidence) ReadValueAndConfidence(
        ref UperReader reader, int valueMax, string identifier, string valueName, string confidenceName)
    {
        reader.Path.Push(identifier);
        var value = (int)reader.ReadConstrainedInteger(0, valueMax, valueName);
        var confidence = (int)reader.ReadConstrainedInteger(ConfidenceMin, ConfidenceMax, confidenceName);
        reader.Path.Pop();
        return (value, confidence);
    }

    /// <summary>ItineraryPath: SEQUENCE SIZE(1..40) OF ReferencePosition.</summary>
    public static void WriteItineraryPath(ref UperWriter writer, List<ReferencePosition> path, string identifier)
    {
        writer.Path.Push(identifier);
        writer.WriteConstrainedLength(path.Count, 1, ItineraryPathMax, "");
        writer.Path.PushIndex();
        for (var index = 0; index < path.Count; index++)
        {
            writer.Path.SetIndex(index);
            WriteReferencePosition(ref writer, path[index], "");
        }

        writer.Path.Pop();
        writer.Path.Pop();
    }

    public static void ReadItineraryPath(ref UperReader reader, List<ReferencePosition> path, string identifier)
    {
        reader.Path.Push(identifier);
        var count = reader.ReadConstrainedLength(1, ItineraryPathMax, "");
        path.Clear();
        reader.Path.PushIndex();
        for (var index = 0; index < count; index++)
        {
            reader.Path.SetIndex(index);
            path.Add(ReadReferencePosition(ref reader, ""));
        }

        reader.Path.Pop();
        reader.Path.Pop();
    }
}
