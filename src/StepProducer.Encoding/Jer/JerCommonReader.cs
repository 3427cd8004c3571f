using System.Text.Json;
using StepProducer.Encoding.Denm;
using StepProducer.Encoding.Its;
using Key = StepProducer.Encoding.Jer.JerNames;

namespace StepProducer.Encoding.Jer;

/// <summary>
/// Reads the JER of the types that v1 (TS 102 894-2 v1.3.1, EN 302 637-3 v1.3.1) and v2 (TS 102 894-2 v2.2.1,
/// TS 103 831 v2.2.1) share. Each SEQUENCE lists its keys in ASN.1 order and its OPTIONAL ones; each reader
/// names the key indexes with local constants.
/// </summary>
internal static class JerCommonReader
{
    /// <summary>The DENM PDU: header and denm, the same identifiers in both DENM modules.</summary>
    public static readonly JerSequence DenmSequence = new([Key.Header, Key.Denm]);

    /// <summary>DecentralizedEnvironmentalNotificationMessage (v1.3.1) / DenmPayload (v2.2.1): the same identifiers.</summary>
    public static readonly JerSequence PayloadSequence = new(
        [Key.Management, Key.Situation, Key.Location, Key.Alacarte], Key.Situation, Key.Location, Key.Alacarte);

    private static readonly JerSequence ReferencePositionSequence =
        new([Key.Latitude, Key.Longitude, Key.PositionConfidenceEllipse, Key.Altitude]);

    private static readonly JerSequence EllipseSequence = new([Key.SemiMajorConfidence, Key.SemiMinorConfidence, Key.SemiMajorOrientation]);

    private static readonly JerSequence AltitudeSequence = new([Key.AltitudeValue, Key.AltitudeConfidence]);

    private static readonly JerSequence DeltaPositionSequence = new([Key.DeltaLatitude, Key.DeltaLongitude, Key.DeltaAltitude]);

    private static readonly JerSequence PathPointSequence = new([Key.PathPosition, Key.PathDeltaTime], Key.PathDeltaTime);

    private static readonly JerSequence EventPointSequence =
        new([Key.EventPosition, Key.EventDeltaTime, Key.InformationQuality], Key.EventDeltaTime);

    private static readonly JerSequence SpeedSequence = new([Key.SpeedValue, Key.SpeedConfidence]);

    private static readonly JerSequence ImpactReductionSequence = new(
    [
        Key.HeightLonCarrLeft, Key.HeightLonCarrRight, Key.PosLonCarrLeft, Key.PosLonCarrRight, Key.PositionOfPillars,
        Key.PosCentMass, Key.WheelBaseVehicle, Key.TurningRadius, Key.PosFrontAx, Key.PositionOfOccupants, Key.VehicleMass,
        Key.RequestResponseIndication,
    ]);

    private static readonly JerSequence ClosedLanesSequence = AllOptional(Key.InnerhardShoulderStatus, Key.OuterhardShoulderStatus, Key.DrivingLaneStatus);

    private static readonly JerSequence DangerousGoodsSequence = new(
        [
            Key.DangerousGoodsType, Key.UnNumber, Key.ElevatedTemperature, Key.TunnelsRestricted, Key.LimitedQuantity,
            Key.EmergencyActionCode, Key.PhoneNumber, Key.CompanyName,
        ],
        Key.EmergencyActionCode, Key.PhoneNumber, Key.CompanyName);

    private static readonly JerSequence VehicleIdentificationSequence = AllOptional(Key.WMInumber, Key.VDS);

    /// <summary>Traces (both versions): SEQUENCE SIZE(1..7) OF PathHistory / Path.</summary>
    private static readonly JerRange TracesSize = new(1, 7);

    /// <summary>PathHistory (v1.3.1) / Path (v2.2.1): SEQUENCE (SIZE(0..40)) OF PathPoint.</summary>
    private static readonly JerRange PathSize = new(0, 40);

    /// <summary>EventHistory (v1.3.1) / EventZone (v2.2.1): SEQUENCE (SIZE(1..23)) OF EventPoint.</summary>
    private static readonly JerRange EventHistorySize = new(1, 23);

    /// <summary>ItineraryPath: SEQUENCE SIZE(1..40) OF ReferencePosition.</summary>
    private static readonly JerRange ItineraryPathSize = new(1, 40);

    // The SIZE constraints of the character strings of DangerousGoodsExtended and VehicleIdentification.
    private static readonly JerRange EmergencyActionCodeSize = new(1, 24);
    private static readonly JerRange PhoneNumberSize = new(1, 16);
    private static readonly JerRange CompanyNameSize = new(1, 24);
    private static readonly JerRange WmiNumberSize = new(1, 3);
    private static readonly JerRange VdsSize = new(6, 6);

    /// <summary>A SEQUENCE whose components are all OPTIONAL.</summary>
    public static JerSequence AllOptional(params JsonEncodedText[] keys) => new(keys, keys);

    public static ReferencePosition ReadReferencePosition(ref Utf8JsonReader reader, JerPath path) =>
        ReferencePositionSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref ReferencePosition position) =>
        {
            const int latitude = 0, longitude = 1, ellipse = 2;
            switch (key)
            {
                case latitude:
                    position.Latitude = JerRead.ReadInt32(ref r, p, JerRange.Latitude);
                    break;
                case longitude:
                    position.Longitude = JerRead.ReadInt32(ref r, p, JerRange.Longitude);
                    break;
                case ellipse:
                    position.PositionConfidenceEllipse = ReadEllipse(ref r, p);
                    break;
                default:
                    position.Altitude = ReadAltitude(ref r, p);
                    break;
            }
        });

    public static DeltaReferencePosition ReadDeltaReferencePosition(ref Utf8JsonReader reader, JerPath path) =>
        DeltaPositionSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref DeltaReferencePosition position) =>
        {
            const int deltaLatitude = 0, deltaLongitude = 1;
            switch (key)
            {
                case deltaLatitude:
                    position.DeltaLatitude = JerRead.ReadInt32(ref r, p, JerRange.DeltaLatitudeLongitude);
                    break;
                case deltaLongitude:
                    position.DeltaLongitude = JerRead.ReadInt32(ref r, p, JerRange.DeltaLatitudeLongitude);
                    break;
                default:
                    position.DeltaAltitude = JerRead.ReadInt32(ref r, p, JerRange.DeltaAltitude);
                    break;
            }
        });

    /// <summary>Traces (both versions): 1..7 PathHistory / Path lists of 0..40 path points.</summary>
    public static List<List<PathPoint>> ReadTraces(ref Utf8JsonReader reader, JerPath path) =>
        JerRead.ReadList(ref reader, path, TracesSize, static (ref Utf8JsonReader r, JerPath p) =>
            JerRead.ReadList(ref r, p, PathSize, ReadPathPoint));

    public static List<EventPoint> ReadEventHistory(ref Utf8JsonReader reader, JerPath path) =>
        JerRead.ReadList(ref reader, path, EventHistorySize, ReadEventPoint);

    public static List<ReferencePosition> ReadItineraryPath(ref Utf8JsonReader reader, JerPath path) =>
        JerRead.ReadList(ref reader, path, ItineraryPathSize, ReadReferencePosition);

    public static Speed ReadSpeed(ref Utf8JsonReader reader, JerPath path)
    {
        var (value, confidence) = ReadValueAndConfidence(ref reader, path, SpeedSequence, JerRange.SpeedValue);
        return new Speed { SpeedValue = value, SpeedConfidence = confidence };
    }

    /// <summary>
    /// A SEQUENCE of a value within <paramref name="valueRange"/> and its confidence (1..127), both mandatory:
    /// Speed, Heading (v1.3.1) and Wgs84Angle (v2.2.1), whose SpeedConfidence, HeadingConfidence and
    /// Wgs84AngleConfidence share that range. <paramref name="sequence"/> names the two keys.
    /// </summary>
    public static (int Value, int Confidence) ReadValueAndConfidence(
        ref Utf8JsonReader reader, JerPath path, JerSequence sequence, JerRange valueRange)
    {
        // The value's range travels in the target, as the component reader is static.
        var read = sequence.Read(
            ref reader,
            path,
            new ValueAndConfidence { ValueRange = valueRange },
            static (ref Utf8JsonReader r, JerPath p, int key, ref ValueAndConfidence target) =>
            {
                const int value = 0;
                if (key == value)
                {
                    target.Value = JerRead.ReadInt32(ref r, p, target.ValueRange);
                }
                else
                {
                    target.Confidence = JerRead.ReadInt32(ref r, p, JerRange.Confidence127);
                }
            });
        return (read.Value, read.Confidence);
    }

    public static ImpactReductionContainer ReadImpactReduction(ref Utf8JsonReader reader, JerPath path) =>
        ImpactReductionSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref ImpactReductionContainer impact) =>
        {
            const int heightLonCarrLeft = 0, heightLonCarrRight = 1, posLonCarrLeft = 2, posLonCarrRight = 3,
                positionOfPillars = 4, posCentMass = 5, wheelBaseVehicle = 6, turningRadius = 7, posFrontAx = 8,
                positionOfOccupants = 9, vehicleMass = 10;
            switch (key)
            {
                case heightLonCarrLeft:
                    impact.HeightLonCarrLeft = JerRead.ReadInt32(ref r, p, JerRange.HeightLonCarr);
                    break;
                case heightLonCarrRight:
                    impact.HeightLonCarrRight = JerRead.ReadInt32(ref r, p, JerRange.HeightLonCarr);
                    break;
                case posLonCarrLeft:
                    impact.PosLonCarrLeft = JerRead.ReadInt32(ref r, p, JerRange.PosLonCarr);
                    break;
                case posLonCarrRight:
                    impact.PosLonCarrRight = JerRead.ReadInt32(ref r, p, JerRange.PosLonCarr);
                    break;
                case positionOfPillars:
                    impact.PositionOfPillars = JerRead.ReadList(ref r, p, JerRange.ExtensibleSize, static (ref Utf8JsonReader r, JerPath p) =>
                        JerRead.ReadInt32(ref r, p, JerRange.PosPillar));
                    break;
                case posCentMass:
                    impact.PosCentMass = JerRead.ReadInt32(ref r, p, JerRange.PosCentMass);
                    break;
                case wheelBaseVehicle:
                    impact.WheelBaseVehicle = JerRead.ReadInt32(ref r, p, JerRange.PosLonCarr);
                    break;
                case turningRadius:
                    impact.TurningRadius = JerRead.ReadInt32(ref r, p, JerRange.OneTo255);
                    break;
                case posFrontAx:
                    impact.PosFrontAx = JerRead.ReadInt32(ref r, p, JerRange.PosFrontAx);
                    break;
                case positionOfOccupants:
                    impact.PositionOfOccupants = (PositionOfOccupants)JerBitString.ReadFixedSize(ref r, p, JerBitString.PositionOfOccupantsSize);
                    break;
                case vehicleMass:
                    impact.VehicleMass = JerRead.ReadInt32(ref r, p, JerRange.VehicleMass);
                    break;
                default:
                    impact.RequestResponseIndication = (RequestResponseIndication)JerIdentifiers.RequestResponseIndication.Read(ref r, p);
                    break;
            }
        });

    public static ClosedLanes ReadClosedLanes(ref Utf8JsonReader reader, JerPath path) =>
        ClosedLanesSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref ClosedLanes lanes) =>
        {
            const int inner = 0, outer = 1;
            switch (key)
            {
                case inner:
                    lanes.InnerhardShoulderStatus = (HardShoulderStatus)JerIdentifiers.HardShoulderStatus.Read(ref r, p);
                    break;
                case outer:
                    lanes.OuterhardShoulderStatus = (HardShoulderStatus)JerIdentifiers.HardShoulderStatus.Read(ref r, p);
                    break;
                default:
                    var (bits, length) = JerBitString.ReadVariableSize(ref r, p, JerBitString.DrivingLaneStatusSize);
                    lanes.DrivingLaneStatus = new DrivingLaneStatus { Bits = (int)bits, Length = length };
                    break;
            }
        });

    /// <summary>RestrictedTypes: SEQUENCE (SIZE(1..3, ...)) OF StationType.</summary>
    public static List<int> ReadRestriction(ref Utf8JsonReader reader, JerPath path) =>
        JerRead.ReadList(ref reader, path, JerRange.ExtensibleSize, static (ref Utf8JsonReader r, JerPath p) => JerRead.ReadInt32(ref r, p, JerRange.Octet));

    public static DangerousGoodsExtended ReadDangerousGoods(ref Utf8JsonReader reader, JerPath path) =>
        DangerousGoodsSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref DangerousGoodsExtended goods) =>
        {
            const int type = 0, unNumber = 1, elevatedTemperature = 2, tunnelsRestricted = 3, limitedQuantity = 4,
                emergencyActionCode = 5, phoneNumber = 6;
            switch (key)
            {
                case type:
                    goods.DangerousGoodsType = (DangerousGoodsBasic)JerIdentifiers.DangerousGoodsBasic.Read(ref r, p);
                    break;
                case unNumber:
                    goods.UnNumber = JerRead.ReadInt32(ref r, p, JerRange.UnNumber);
                    break;
                case elevatedTemperature:
                    goods.ElevatedTemperature = JerRead.ReadBoolean(ref r, p);
                    break;
                case tunnelsRestricted:
                    goods.TunnelsRestricted = JerRead.ReadBoolean(ref r, p);
                    break;
                case limitedQuantity:
                    goods.LimitedQuantity = JerRead.ReadBoolean(ref r, p);
                    break;
                case emergencyActionCode:
                    goods.EmergencyActionCode = JerCharacterString.ReadIA5String(ref r, p, EmergencyActionCodeSize);
                    break;
                case phoneNumber:
                    goods.PhoneNumber = JerCharacterString.ReadNumericString(ref r, p, PhoneNumberSize);
                    break;
                default:
                    goods.CompanyName = JerCharacterString.ReadUtf8String(ref r, p, CompanyNameSize);
                    break;
            }
        });

    public static VehicleIdentification ReadVehicleIdentification(ref Utf8JsonReader reader, JerPath path) =>
        VehicleIdentificationSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref VehicleIdentification identification) =>
        {
            const int wmiNumber = 0;
            if (key == wmiNumber)
            {
                identification.WMInumber = JerCharacterString.ReadIA5String(ref r, p, WmiNumberSize);
            }
            else
            {
                identification.VDS = JerCharacterString.ReadIA5String(ref r, p, VdsSize);
            }
        });

    public static EnergyStorageType ReadEnergyStorageType(ref Utf8JsonReader reader, JerPath path) =>
        (EnergyStorageType)JerBitString.ReadFixedSize(ref reader, path, JerBitString.EnergyStorageTypeSize);

    public static LightBarSirenInUse ReadLightBarSirenInUse(ref Utf8JsonReader reader, JerPath path) =>
        (LightBarSirenInUse)JerBitString.ReadFixedSize(ref reader, path, JerBitString.LightBarSirenInUseSize);

    private static PosConfidenceEllipse ReadEllipse(ref Utf8JsonReader reader, JerPath path) =>
        EllipseSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref PosConfidenceEllipse ellipse) =>
        {
            const int semiMajor = 0, semiMinor = 1;
            switch (key)
            {
                case semiMajor:
                    ellipse.SemiMajorConfidence = JerRead.ReadInt32(ref r, p, JerRange.SemiAxisLength);
                    break;
                case semiMinor:
                    ellipse.SemiMinorConfidence = JerRead.ReadInt32(ref r, p, JerRange.SemiAxisLength);
                    break;
                default:
                    ellipse.SemiMajorOrientation = JerRead.ReadInt32(ref r, p, JerRange.HeadingValue);
                    break;
            }
        });

    private static Altitude ReadAltitude(ref Utf8JsonReader reader, JerPath path) =>
        AltitudeSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref Altitude altitude) =>
        {
            const int altitudeValue = 0;
            if (key == altitudeValue)
            {
                altitude.AltitudeValue = JerRead.ReadInt32(ref r, p, JerRange.AltitudeValue);
            }
            else
            {
                altitude.AltitudeConfidence = (AltitudeConfidence)JerIdentifiers.AltitudeConfidence.Read(ref r, p);
            }
        });

    private static PathPoint ReadPathPoint(ref Utf8JsonReader reader, JerPath path) =>
        PathPointSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref PathPoint point) =>
        {
            const int pathPosition = 0;
            if (key == pathPosition)
            {
                point.PathPosition = ReadDeltaReferencePosition(ref r, p);
            }
            else
            {
                point.PathDeltaTime = JerRead.ReadInt32(ref r, p, JerRange.PathDeltaTime);
            }
        });

    private static EventPoint ReadEventPoint(ref Utf8JsonReader reader, JerPath path) =>
        EventPointSequence.Read(ref reader, path, static (ref Utf8JsonReader r, JerPath p, int key, ref EventPoint point) =>
        {
            const int eventPosition = 0, eventDeltaTime = 1;
            switch (key)
            {
                case eventPosition:
                    point.EventPosition = ReadDeltaReferencePosition(ref r, p);
                    break;
                case eventDeltaTime:
                    point.EventDeltaTime = JerRead.ReadInt32(ref r, p, JerRange.PathDeltaTime);
                    break;
                default:
                    point.InformationQuality = JerRead.ReadInt32(ref r, p, JerRange.InformationQuality);
                    break;
            }
        });

    /// <summary>
    /// The target of <see cref="ReadValueAndConfidence"/>: Speed, Heading (TS 102 894-2 v1.3.1) or Wgs84Angle
    /// (TS 102 894-2 v2.2.1) being read, with the range its value must lie in.
    /// </summary>
    private struct ValueAndConfidence
    {
        public JerRange ValueRange;
        public int Value;
        public int Confidence;
    }
}
