using CsCheck;
using StepProducer.Encoding.Denm;
using StepProducer.Encoding.Its;

namespace StepProducer.Encoding.Tests.Generators;

/// <summary>
/// CsCheck generators of valid values of the CDD types shared by both DENM versions (TS 102 894-2 v1.3.1
/// and v2.2.1). Integer generators favour the constraint bounds. <c>extensions</c> also produces values
/// outside an extensible root (e.g. PathDeltaTime (1..65535, ...) = 0, SIZE(1..3, ...) lists of 4): valid
/// PER that the v1.3.1-only oracle is not asked to dissect.
/// </summary>
public static class ItsGenerators
{
    /// <summary>lb..ub with the bounds and their neighbours drawn often (they are the 'unavailable'/'outOfRange' values).</summary>
    public static Gen<int> Bounded(int lowerBound, int upperBound) => Gen.Frequency(
        (1, Gen.Const(lowerBound)),
        (1, Gen.Const(upperBound)),
        (1, Gen.Const(Math.Max(lowerBound, upperBound - 1))),
        (5, Gen.Int[lowerBound, upperBound]));

    public static Gen<long> BoundedLong(long lowerBound, long upperBound) => Gen.Frequency(
        (1, Gen.Const(lowerBound)),
        (1, Gen.Const(upperBound)),
        (5, Gen.Long[lowerBound, upperBound]));

    public static Gen<uint> StationId { get; } = Gen.Frequency((1, Gen.Const(0u)), (1, Gen.Const(uint.MaxValue)), (5, Gen.UInt));

    public static Gen<long> TimestampIts { get; } = BoundedLong(0, ItsTimestamp.MaxValue);

    public static Gen<ReferencePosition> ReferencePosition { get; } = Gen.Select(
        Bounded(-900_000_000, 900_000_001),
        Bounded(-1_800_000_000, 1_800_000_001),
        Bounded(0, 4095),
        Bounded(0, 4095),
        Bounded(0, 3601),
        Bounded(-100_000, 800_001),
        Gen.Enum<AltitudeConfidence>(),
        (latitude, longitude, major, minor, orientation, altitude, confidence) => new ReferencePosition
        {
            Latitude = latitude,
            Longitude = longitude,
            PositionConfidenceEllipse = new PosConfidenceEllipse { SemiMajorConfidence = major, SemiMinorConfidence = minor, SemiMajorOrientation = orientation },
            Altitude = new Altitude { AltitudeValue = altitude, AltitudeConfidence = confidence },
        });

    public static Gen<DeltaReferencePosition> DeltaReferencePosition { get; } = Gen.Select(
        Bounded(-131_071, 131_072),
        Bounded(-131_071, 131_072),
        Bounded(-12_700, 12_800),
        (latitude, longitude, altitude) => new DeltaReferencePosition { DeltaLatitude = latitude, DeltaLongitude = longitude, DeltaAltitude = altitude });

    /// <summary>PathDeltaTime INTEGER (1..65535, ...): with <paramref name="extensions"/> also values outside the root.</summary>
    public static Gen<int> PathDeltaTime(bool extensions) => extensions
        ? Gen.Frequency((8, Bounded(1, 65_535)), (1, Gen.Int[int.MinValue, 0]), (1, Gen.Int[65_536, int.MaxValue]))
        : Bounded(1, 65_535);

    public static Gen<PathPoint> PathPoint(bool extensions) => Gen.Select(
        DeltaReferencePosition,
        PathDeltaTime(extensions).Nullable(),
        (position, deltaTime) => new PathPoint { PathPosition = position, PathDeltaTime = deltaTime });

    /// <summary>Traces: SIZE(1..7) OF SIZE(0..40) OF PathPoint (kept short; the bounds are in the golden rows).</summary>
    public static Gen<List<List<PathPoint>>> Traces(bool extensions) => PathPoint(extensions).List[0, 12].List[1, 7];

    /// <summary>EventHistory SIZE(1..23); <paramref name="allOrNoneDeltaTime"/> gives the v2.2.1 EventZone form.</summary>
    public static Gen<List<EventPoint>> EventPoints(bool extensions, bool allOrNoneDeltaTime) =>
        Gen.Select(
            Gen.Select(DeltaReferencePosition, PathDeltaTime(extensions), Bounded(0, 7)).List[1, 23],
            Gen.Int[0, 2],
            (points, shape) => points.ConvertAll(point => new EventPoint
            {
                EventPosition = point.Item1,
                EventDeltaTime = (allOrNoneDeltaTime ? shape == 0 : (point.Item2 & 1) == 0) ? null : point.Item2,
                InformationQuality = point.Item3,
            }));

    public static Gen<Speed> Speed { get; } = Gen.Select(Bounded(0, 16_383), Bounded(1, 127), (value, confidence) => new Speed { SpeedValue = value, SpeedConfidence = confidence });

    public static Gen<Heading> Heading { get; } = Gen.Select(Bounded(0, 3601), Bounded(1, 127), (value, confidence) => new Heading { HeadingValue = value, HeadingConfidence = confidence });

    public static Gen<ClosedLanes> ClosedLanes { get; } = Gen.Select(
        Gen.Enum<HardShoulderStatus>().Nullable(),
        Gen.Enum<HardShoulderStatus>().Nullable(),
        Gen.Int[1, 13].SelectMany(length => Gen.Int[0, (1 << length) - 1].Select(bits => new DrivingLaneStatus { Length = length, Bits = bits })).Nullable(),
        (inner, outer, lanes) => new ClosedLanes { InnerhardShoulderStatus = inner, OuterhardShoulderStatus = outer, DrivingLaneStatus = lanes });

    /// <summary>SEQUENCE (SIZE(1..rootMax, ...)) OF: beyond the root only with <paramref name="extensions"/>.</summary>
    public static Gen<List<T>> ExtensibleList<T>(Gen<T> element, int rootMax, bool extensions) =>
        extensions ? Gen.Frequency((6, element.List[1, rootMax]), (1, element.List[rootMax + 1, rootMax + 3])) : element.List[1, rootMax];

    public static Gen<ImpactReductionContainer> ImpactReduction(bool extensions) => Gen.Select(
        Gen.Select(Bounded(1, 100), Bounded(1, 100), Bounded(1, 127), Bounded(1, 127)),
        ExtensibleList(Bounded(1, 30), 3, extensions),
        Gen.Select(Bounded(1, 63), Bounded(1, 127), Bounded(1, 255), Bounded(1, 20)),
        Gen.Int[0, (1 << 20) - 1],
        Bounded(1, 1024),
        Gen.Enum<RequestResponseIndication>(),
        (carriers, pillars, dimensions, occupants, mass, request) => new ImpactReductionContainer
        {
            HeightLonCarrLeft = carriers.Item1,
            HeightLonCarrRight = carriers.Item2,
            PosLonCarrLeft = carriers.Item3,
            PosLonCarrRight = carriers.Item4,
            PositionOfPillars = pillars,
            PosCentMass = dimensions.Item1,
            WheelBaseVehicle = dimensions.Item2,
            TurningRadius = dimensions.Item3,
            PosFrontAx = dimensions.Item4,
            PositionOfOccupants = (PositionOfOccupants)occupants,
            VehicleMass = mass,
            RequestResponseIndication = request,
        });

    /// <summary>IA5String characters 0..127, control characters included.</summary>
    public static Gen<string> IA5String(int minSize, int maxSize) => Gen.String[Gen.Char['\0', '\u007f'], minSize, maxSize];

    /// <summary>UTF8String of minSize..maxSize code points, from ASCII up to the supplementary planes.</summary>
    public static Gen<string> Utf8String(int minSize, int maxSize) =>
        Gen.OneOf(Gen.Int[0x20, 0x7E], Gen.Int[0xA0, 0xD7FF], Gen.Int[0xE000, 0xFFFD], Gen.Int[0x10000, 0x10FFFF])
            .List[minSize, maxSize]
            .Select(codePoints => string.Concat(codePoints.ConvertAll(char.ConvertFromUtf32)));

    /// <summary>
    /// DangerousGoodsExtended. Without <paramref name="withCompanyName"/> the UTF8String companyName is left
    /// out: tshark 4.0 dissects it as if its SIZE(1..24) were PER-visible (a 5-bit length), which X.691
    /// clause 30 does not allow for a type that is not known-multiplier, and loses its place in the message.
    /// </summary>
    public static Gen<DangerousGoodsExtended> DangerousGoods(bool withCompanyName) => Gen.Select(
        Gen.Enum<DangerousGoodsBasic>(),
        Bounded(0, 9999),
        Gen.Select(Gen.Bool, Gen.Bool, Gen.Bool),
        IA5String(1, 24).Null(),
        Gen.String[Gen.Char["0123456789 "], 1, 16].Null(),
        withCompanyName ? Utf8String(1, 24).Null() : Gen.Const((string?)null),
        (type, unNumber, flags, code, phone, company) => new DangerousGoodsExtended
        {
            DangerousGoodsType = type,
            UnNumber = unNumber,
            ElevatedTemperature = flags.Item1,
            TunnelsRestricted = flags.Item2,
            LimitedQuantity = flags.Item3,
            EmergencyActionCode = code,
            PhoneNumber = phone,
            CompanyName = company,
        });

    public static Gen<VehicleIdentification> VehicleIdentification { get; } = Gen.Select(
        IA5String(1, 3).Null(),
        IA5String(6, 6).Null(),
        (wmi, vds) => new VehicleIdentification { WMInumber = wmi, VDS = vds });

    public static Gen<Termination> Termination { get; } = Gen.Enum<Termination>();
}
