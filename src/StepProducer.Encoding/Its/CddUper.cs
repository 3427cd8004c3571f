using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
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

    public static void WriteReferencePosition(ref UperWriter writer, in ReferencePosition value, string identifier)
    {
        try
        {
            writer.WriteConstrainedInteger(value.Latitude, LatitudeMin, LatitudeMax, "latitude");
            writer.WriteConstrainedInteger(value.Longitude, LongitudeMin, LongitudeMax, "longitude");
            var ellipse = value.PositionConfidenceEllipse;
            writer.WriteConstrainedInteger(ellipse.SemiMajorConfidence, 0, SemiAxisLengthMax, "positionConfidenceEllipse.semiMajorConfidence");
            writer.WriteConstrainedInteger(ellipse.SemiMinorConfidence, 0, SemiAxisLengthMax, "positionConfidenceEllipse.semiMinorConfidence");
            writer.WriteConstrainedInteger(ellipse.SemiMajorOrientation, 0, HeadingValueMax, "positionConfidenceEllipse.semiMajorOrientation");
            var altitude = value.Altitude;
            writer.WriteConstrainedInteger(altitude.AltitudeValue, AltitudeValueMin, AltitudeValueMax, "altitude.altitudeValue");
            writer.WriteEnumerated((int)altitude.AltitudeConfidence, AltitudeConfidenceCount, "altitude.altitudeConfidence", "AltitudeConfidence");
        }
        catch (DenmCodecException error)
        {
            error.PrependPath(identifier);
            throw;
        }
    }

    public static ReferencePosition ReadReferencePosition(ref UperReader reader, string identifier)
    {
        try
        {
            return new ReferencePosition
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
        }
        catch (DenmCodecException error)
        {
            error.PrependPath(identifier);
            throw;
        }
    }

    public static void WriteDeltaReferencePosition(ref UperWriter writer, in DeltaReferencePosition value, string identifier)
    {
        CheckRange(value.DeltaLatitude, DeltaLatLonMin, DeltaLatLonMax, identifier, "deltaLatitude");
        CheckRange(value.DeltaLongitude, DeltaLatLonMin, DeltaLatLonMax, identifier, "deltaLongitude");
        CheckRange(value.DeltaAltitude, DeltaAltitudeMin, DeltaAltitudeMax, identifier, "deltaAltitude");

        // The three constrained whole numbers (18 + 18 + 15 bits, X.691 clause 11.5.7.1) go out as one 51-bit
        // write: the hottest construct of a DENM (every path and event point), so one accumulator update
        // instead of three.
        var deltaLatitude = (ulong)(value.DeltaLatitude - DeltaLatLonMin);
        var deltaLongitude = (ulong)(value.DeltaLongitude - DeltaLatLonMin);
        var deltaAltitude = (ulong)(value.DeltaAltitude - DeltaAltitudeMin);
        writer.WriteBits((((deltaLatitude << DeltaLatLonBits) | deltaLongitude) << DeltaAltitudeBits) | deltaAltitude, DeltaReferencePositionBits);
    }

    public static DeltaReferencePosition ReadDeltaReferencePosition(ref UperReader reader, string identifier)
    {
        // One 51-bit read, the mirror of WriteDeltaReferencePosition; each part is then checked against its
        // bound (18 bits can hold up to 262143, above DeltaLatitude's 262143 − 131071 = 131072).
        var start = reader.BitPosition;
        var bits = reader.ReadBits(DeltaReferencePositionBits, identifier);
        const ulong latLonMask = (1UL << DeltaLatLonBits) - 1;
        const ulong altitudeMask = (1UL << DeltaAltitudeBits) - 1;
        return new DeltaReferencePosition
        {
            DeltaLatitude = Checked((long)(bits >> (DeltaLatLonBits + DeltaAltitudeBits)) + DeltaLatLonMin, DeltaLatLonMin, DeltaLatLonMax, start, identifier, "deltaLatitude"),
            DeltaLongitude = Checked((long)((bits >> DeltaAltitudeBits) & latLonMask) + DeltaLatLonMin, DeltaLatLonMin, DeltaLatLonMax, start + DeltaLatLonBits, identifier, "deltaLongitude"),
            DeltaAltitude = Checked((long)(bits & altitudeMask) + DeltaAltitudeMin, DeltaAltitudeMin, DeltaAltitudeMax, start + (2 * DeltaLatLonBits), identifier, "deltaAltitude"),
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CheckRange(int value, int lowerBound, int upperBound, string identifier, string field)
    {
        if (value < lowerBound || value > upperBound)
        {
            ThrowOutOfRange(value, lowerBound, upperBound, identifier, field);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Checked(long value, int lowerBound, int upperBound, long bitOffset, string identifier, string field)
    {
        if (value > upperBound)
        {
            ThrowDecodedOutOfRange(value, lowerBound, upperBound, bitOffset, identifier, field);
        }

        return (int)value;
    }

    [DoesNotReturn]
    private static void ThrowOutOfRange(int value, int lowerBound, int upperBound, string identifier, string field)
    {
        var error = new DenmEncodeException(field, $"{value} outside {lowerBound}..{upperBound}");
        error.PrependPath(identifier);
        throw error;
    }

    [DoesNotReturn]
    private static void ThrowDecodedOutOfRange(long value, int lowerBound, int upperBound, long bitOffset, string identifier, string field)
    {
        var error = new DenmDecodeException(field, $"{value} outside {lowerBound}..{upperBound}", bitOffset);
        error.PrependPath(identifier);
        throw error;
    }

    /// <summary>Traces (v1.3.1: OF PathHistory; v2.2.1: OF Path), both SIZE(1..7) OF SIZE(0..40) OF PathPoint.</summary>
    public static void WriteTraces(ref UperWriter writer, List<List<PathPoint>> traces, string identifier)
    {
        try
        {
            writer.WriteConstrainedLength(traces.Count, 1, TracesMax, "");
            for (var index = 0; index < traces.Count; index++)
            {
                try
                {
                    WritePath(ref writer, traces[index]);
                }
                catch (DenmCodecException error)
                {
                    error.PrependIndex(index);
                    throw;
                }
            }
        }
        catch (DenmCodecException error)
        {
            error.PrependPath(identifier);
            throw;
        }
    }

    /// <summary>Decodes Traces into <paramref name="traces"/>, reusing its inner lists.</summary>
    public static void ReadTraces(ref UperReader reader, List<List<PathPoint>> traces, string identifier)
    {
        try
        {
            var count = reader.ReadConstrainedLength(1, TracesMax, "");
            if (traces.Count > count)
            {
                traces.RemoveRange(count, traces.Count - count);
            }

            for (var index = 0; index < count; index++)
            {
                if (index == traces.Count)
                {
                    traces.Add([]);
                }

                try
                {
                    ReadPath(ref reader, traces[index]);
                }
                catch (DenmCodecException error)
                {
                    error.PrependIndex(index);
                    throw;
                }
            }
        }
        catch (DenmCodecException error)
        {
            error.PrependPath(identifier);
            throw;
        }
    }

    private static void WritePath(ref UperWriter writer, List<PathPoint> path)
    {
        writer.WriteConstrainedLength(path.Count, 0, PathMaxPoints, "");
        for (var index = 0; index < path.Count; index++)
        {
            try
            {
                var point = path[index];
                writer.WriteBit(point.PathDeltaTime.HasValue);
                WriteDeltaReferencePosition(ref writer, point.PathPosition, "pathPosition");
                if (point.PathDeltaTime is { } deltaTime)
                {
                    writer.WriteExtensibleInteger(deltaTime, PathDeltaTimeMin, PathDeltaTimeMax);
                }
            }
            catch (DenmCodecException error)
            {
                error.PrependIndex(index);
                throw;
            }
        }
    }

    private static void ReadPath(ref UperReader reader, List<PathPoint> path)
    {
        var count = reader.ReadConstrainedLength(0, PathMaxPoints, "");
        path.Clear();
        for (var index = 0; index < count; index++)
        {
            try
            {
                var hasDeltaTime = reader.ReadBit("");
                var position = ReadDeltaReferencePosition(ref reader, "pathPosition");
                path.Add(new PathPoint
                {
                    PathPosition = position,
                    PathDeltaTime = hasDeltaTime ? reader.ReadExtensibleInteger(PathDeltaTimeMin, PathDeltaTimeMax, "pathDeltaTime") : null,
                });
            }
            catch (DenmCodecException error)
            {
                error.PrependIndex(index);
                throw;
            }
        }
    }

    /// <summary>EventHistory (and the v2.2.1 EventZone): SEQUENCE (SIZE(1..23)) OF EventPoint.</summary>
    public static void WriteEventHistory(ref UperWriter writer, List<EventPoint> points, string identifier)
    {
        try
        {
            writer.WriteConstrainedLength(points.Count, 1, EventHistoryMax, "");
            for (var index = 0; index < points.Count; index++)
            {
                try
                {
                    var point = points[index];
                    writer.WriteBit(point.EventDeltaTime.HasValue);
                    WriteDeltaReferencePosition(ref writer, point.EventPosition, "eventPosition");
                    if (point.EventDeltaTime is { } deltaTime)
                    {
                        writer.WriteExtensibleInteger(deltaTime, PathDeltaTimeMin, PathDeltaTimeMax);
                    }

                    writer.WriteConstrainedInteger(point.InformationQuality, 0, InformationQualityMax, "informationQuality");
                }
                catch (DenmCodecException error)
                {
                    error.PrependIndex(index);
                    throw;
                }
            }
        }
        catch (DenmCodecException error)
        {
            error.PrependPath(identifier);
            throw;
        }
    }

    public static void ReadEventHistory(ref UperReader reader, List<EventPoint> points, string identifier)
    {
        try
        {
            var count = reader.ReadConstrainedLength(1, EventHistoryMax, "");
            points.Clear();
            for (var index = 0; index < count; index++)
            {
                try
                {
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
                catch (DenmCodecException error)
                {
                    error.PrependIndex(index);
                    throw;
                }
            }
        }
        catch (DenmCodecException error)
        {
            error.PrependPath(identifier);
            throw;
        }
    }

    /// <summary>Speed, or the v1.3.1 Heading / v2.2.1 Wgs84Angle: a value and a 1..127 confidence.</summary>
    public static void WriteValueAndConfidence(
        ref UperWriter writer, int value, int valueMax, int confidence, string identifier, string valueName, string confidenceName)
    {
        try
        {
            writer.WriteConstrainedInteger(value, 0, valueMax, valueName);
            writer.WriteConstrainedInteger(confidence, ConfidenceMin, ConfidenceMax, confidenceName);
        }
        catch (DenmCodecException error)
        {
            error.PrependPath(identifier);
            throw;
        }
    }

    public static (int Value, int Confidence) ReadValueAndConfidence(
        ref UperReader reader, int valueMax, string identifier, string valueName, string confidenceName)
    {
        try
        {
            var value = (int)reader.ReadConstrainedInteger(0, valueMax, valueName);
            return (value, (int)reader.ReadConstrainedInteger(ConfidenceMin, ConfidenceMax, confidenceName));
        }
        catch (DenmCodecException error)
        {
            error.PrependPath(identifier);
            throw;
        }
    }

    /// <summary>ItineraryPath: SEQUENCE SIZE(1..40) OF ReferencePosition.</summary>
    public static void WriteItineraryPath(ref UperWriter writer, List<ReferencePosition> path, string identifier)
    {
        try
        {
            writer.WriteConstrainedLength(path.Count, 1, ItineraryPathMax, "");
            for (var index = 0; index < path.Count; index++)
            {
                try
                {
                    WriteReferencePosition(ref writer, path[index], "");
                }
                catch (DenmCodecException error)
                {
                    error.PrependIndex(index);
                    throw;
                }
            }
        }
        catch (DenmCodecException error)
        {
            error.PrependPath(identifier);
            throw;
        }
    }

    public static void ReadItineraryPath(ref UperReader reader, List<ReferencePosition> path, string identifier)
    {
        try
        {
            var count = reader.ReadConstrainedLength(1, ItineraryPathMax, "");
            path.Clear();
            for (var index = 0; index < count; index++)
            {
                try
                {
                    path.Add(ReadReferencePosition(ref reader, ""));
                }
                catch (DenmCodecException error)
                {
                    error.PrependIndex(index);
                    throw;
                }
            }
        }
        catch (DenmCodecException error)
        {
            error.PrependPath(identifier);
            throw;
        }
    }
}
