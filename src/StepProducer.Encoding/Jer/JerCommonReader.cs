using System.Text.Json;
using StepProducer.Encoding.Denm;
using StepProducer.Encoding.Its;
using Key = StepProducer.Encoding.Jer.JerNames;

namespace StepProducer.Encoding.Jer;

/// <summary>
/// Reads the JER of the types that v1 (TS 102 894-2 v1.3.1, EN 302 637-3 v1.3.1) and v2 (TS 102 894-2 v2.2.1,
/// TS 103 831 v2.2.1) share. Each SEQUENCE reader lists its keys in ASN.1 order and names each key's index
/// with a local constant; the mask of mandatory components follows the ASN.1 (no OPTIONAL, no DEFAULT).
/// </summary>
internal static class JerCommonReader
{
    private static readonly JsonEncodedText[] ReferencePositionKeys =
        [Key.Latitude, Key.Longitude, Key.PositionConfidenceEllipse, Key.Altitude];

    private static readonly JsonEncodedText[] EllipseKeys =
        [Key.SemiMajorConfidence, Key.SemiMinorConfidence, Key.SemiMajorOrientation];

    private static readonly JsonEncodedText[] AltitudeKeys = [Key.AltitudeValue, Key.AltitudeConfidence];

    private static readonly JsonEncodedText[] DeltaPositionKeys = [Key.DeltaLatitude, Key.DeltaLongitude, Key.DeltaAltitude];

    private static readonly JsonEncodedText[] PathPointKeys = [Key.PathPosition, Key.PathDeltaTime];

    private static readonly JsonEncodedText[] EventPointKeys = [Key.EventPosition, Key.EventDeltaTime, Key.InformationQuality];

    private static readonly JsonEncodedText[] SpeedKeys = [Key.SpeedValue, Key.SpeedConfidence];

    private static readonly JsonEncodedText[] ImpactReductionKeys =
    [
        Key.HeightLonCarrLeft, Key.HeightLonCarrRight, Key.PosLonCarrLeft, Key.PosLonCarrRight, Key.PositionOfPillars,
        Key.PosCentMass, Key.WheelBaseVehicle, Key.TurningRadius, Key.PosFrontAx, Key.PositionOfOccupants, Key.VehicleMass,
        Key.RequestResponseIndication,
    ];

    private static readonly JsonEncodedText[] ClosedLanesKeys =
        [Key.InnerhardShoulderStatus, Key.OuterhardShoulderStatus, Key.DrivingLaneStatus];

    private static readonly JsonEncodedText[] DangerousGoodsKeys =
    [
        Key.DangerousGoodsType, Key.UnNumber, Key.ElevatedTemperature, Key.TunnelsRestricted, Key.LimitedQuantity,
        Key.EmergencyActionCode, Key.PhoneNumber, Key.CompanyName,
    ];

    private static readonly JsonEncodedText[] VehicleIdentificationKeys = [Key.WMInumber, Key.VDS];

    /// <summary>Traces (both versions): SEQUENCE SIZE(1..7) OF PathHistory / Path.</summary>
    private static readonly JerRange TracesSize = new(1, 7);

    /// <summary>PathHistory (v1.3.1) / Path (v2.2.1): SEQUENCE (SIZE(0..40)) OF PathPoint.</summary>
    private static readonly JerRange PathSize = new(0, 40);

    /// <summary>EventHistory (v1.3.1) / EventZone (v2.2.1): SEQUENCE (SIZE(1..23)) OF EventPoint.</summary>
    public static readonly JerRange EventHistorySize = new(1, 23);

    /// <summary>ItineraryPath: SEQUENCE SIZE(1..40) OF ReferencePosition.</summary>
    public static readonly JerRange ItineraryPathSize = new(1, 40);

    /// <summary>
    /// PositionOfPillars and RestrictedTypes: SEQUENCE (SIZE(1..3, ...)); the model holds the root size.
    /// </summary>
    private static readonly JerRange OneToThree = new(1, 3);

    /// <summary>ReferenceDenms (v1.3.1) / ActionIdList (v2.2.1): SEQUENCE (SIZE(1..8, ...)); the model holds the root size.</summary>
    public static readonly JerRange ActionIdListSize = new(1, 8);

    /// <summary>The character string SIZE constraints of DangerousGoodsExtended and VehicleIdentification.</summary>
    private static readonly JerRange EmergencyActionCodeSize = new(1, 24);
    private static readonly JerRange PhoneNumberSize = new(1, 16);
    private static readonly JerRange CompanyNameSize = new(1, 24);
    private static readonly JerRange WmiNumberSize = new(1, 3);
    private static readonly JerRange VdsSize = new(6, 6);

    /// <summary>Every component of the SEQUENCE is mandatory.</summary>
    public static ulong AllKeys(JsonEncodedText[] keys) => (1UL << keys.Length) - 1;

    public static ReferencePosition ReadReferencePosition(ref Utf8JsonReader reader, JerPath path)
    {
        const int latitude = 0, longitude = 1, ellipse = 2, altitude = 3;
        var position = new ReferencePosition();
        JerRead.StartObject(ref reader, path);
        ulong seen = 0;
        int key;
        while ((key = JerRead.NextKey(ref reader, path, ReferencePositionKeys, ref seen)) >= 0)
        {
            switch (key)
            {
                case latitude:
                    position.Latitude = JerRead.ReadInt32(ref reader, path, JerRange.Latitude);
                    break;
                case longitude:
                    position.Longitude = JerRead.ReadInt32(ref reader, path, JerRange.Longitude);
                    break;
                case ellipse:
                    position.PositionConfidenceEllipse = ReadEllipse(ref reader, path);
                    break;
                case altitude:
                    position.Altitude = ReadAltitude(ref reader, path);
                    break;
            }

            path.Pop();
        }

        JerRead.RequireKeys(path, ReferencePositionKeys, seen, AllKeys(ReferencePositionKeys));
        return position;
    }

    public static DeltaReferencePosition ReadDeltaReferencePosition(ref Utf8JsonReader reader, JerPath path)
    {
        const int deltaLatitude = 0, deltaLongitude = 1, deltaAltitude = 2;
        var position = new DeltaReferencePosition();
        JerRead.StartObject(ref reader, path);
        ulong seen = 0;
        int key;
        while ((key = JerRead.NextKey(ref reader, path, DeltaPositionKeys, ref seen)) >= 0)
        {
            switch (key)
            {
                case deltaLatitude:
                    position.DeltaLatitude = JerRead.ReadInt32(ref reader, path, JerRange.DeltaLatitudeLongitude);
                    break;
                case deltaLongitude:
                    position.DeltaLongitude = JerRead.ReadInt32(ref reader, path, JerRange.DeltaLatitudeLongitude);
                    break;
                case deltaAltitude:
                    position.DeltaAltitude = JerRead.ReadInt32(ref reader, path, JerRange.DeltaAltitude);
                    break;
            }

            path.Pop();
        }

        JerRead.RequireKeys(path, DeltaPositionKeys, seen, AllKeys(DeltaPositionKeys));
        return position;
    }

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
        const int speedValue = 0, speedConfidence = 1;
        var speed = new Speed();
        JerRead.StartObject(ref reader, path);
        ulong seen = 0;
        int key;
        while ((key = JerRead.NextKey(ref reader, path, SpeedKeys, ref seen)) >= 0)
        {
            if (key == speedValue)
            {
                speed.SpeedValue = JerRead.ReadInt32(ref reader, path, JerRange.SpeedValue);
            }
            else if (key == speedConfidence)
            {
                speed.SpeedConfidence = JerRead.ReadInt32(ref reader, path, JerRange.Confidence127);
            }

            path.Pop();
        }

        JerRead.RequireKeys(path, SpeedKeys, seen, AllKeys(SpeedKeys));
        return speed;
    }

    public static ImpactReductionContainer ReadImpactReduction(ref Utf8JsonReader reader, JerPath path)
    {
        const int heightLonCarrLeft = 0, heightLonCarrRight = 1, posLonCarrLeft = 2, posLonCarrRight = 3,
            positionOfPillars = 4, posCentMass = 5, wheelBaseVehicle = 6, turningRadius = 7, posFrontAx = 8,
            positionOfOccupants = 9, vehicleMass = 10, requestResponseIndication = 11;
        var impact = new ImpactReductionContainer();
        JerRead.StartObject(ref reader, path);
        ulong seen = 0;
        int key;
        while ((key = JerRead.NextKey(ref reader, path, ImpactReductionKeys, ref seen)) >= 0)
        {
            switch (key)
            {
                case heightLonCarrLeft:
                    impact.HeightLonCarrLeft = JerRead.ReadInt32(ref reader, path, JerRange.HeightLonCarr);
                    break;
                case heightLonCarrRight:
                    impact.HeightLonCarrRight = JerRead.ReadInt32(ref reader, path, JerRange.HeightLonCarr);
                    break;
                case posLonCarrLeft:
                    impact.PosLonCarrLeft = JerRead.ReadInt32(ref reader, path, JerRange.PosLonCarr);
                    break;
                case posLonCarrRight:
                    impact.PosLonCarrRight = JerRead.ReadInt32(ref reader, path, JerRange.PosLonCarr);
                    break;
                case positionOfPillars:
                    impact.PositionOfPillars = JerRead.ReadList(ref reader, path, OneToThree, static (ref Utf8JsonReader r, JerPath p) =>
                        JerRead.ReadInt32(ref r, p, JerRange.PosPillar));
                    break;
                case posCentMass:
                    impact.PosCentMass = JerRead.ReadInt32(ref reader, path, JerRange.PosCentMass);
                    break;
                case wheelBaseVehicle:
                    impact.WheelBaseVehicle = JerRead.ReadInt32(ref reader, path, JerRange.PosLonCarr);
                    break;
                case turningRadius:
                    impact.TurningRadius = JerRead.ReadInt32(ref reader, path, JerRange.OneTo255);
                    break;
                case posFrontAx:
                    impact.PosFrontAx = JerRead.ReadInt32(ref reader, path, JerRange.PosFrontAx);
                    break;
                case positionOfOccupants:
                    impact.PositionOfOccupants = (PositionOfOccupants)JerBitString.ReadFixedSize(
                        ref reader, path, JerBitString.PositionOfOccupantsSize);
                    break;
                case vehicleMass:
                    impact.VehicleMass = JerRead.ReadInt32(ref reader, path, JerRange.VehicleMass);
                    break;
                case requestResponseIndication:
                    impact.RequestResponseIndication =
                        (RequestResponseIndication)JerIdentifiers.RequestResponseIndication.Read(ref reader, path);
                    break;
            }

            path.Pop();
        }

        JerRead.RequireKeys(path, ImpactReductionKeys, seen, AllKeys(ImpactReductionKeys));
        return impact;
    }

    public static ClosedLanes ReadClosedLanes(ref Utf8JsonReader reader, JerPath path)
    {
        const int inner = 0, outer = 1, driving = 2;
        var lanes = new ClosedLanes();
        JerRead.StartObject(ref reader, path);
        ulong seen = 0;
        int key;
        while ((key = JerRead.NextKey(ref reader, path, ClosedLanesKeys, ref seen)) >= 0)
        {
            switch (key)
            {
                case inner:
                    lanes.InnerhardShoulderStatus = (HardShoulderStatus)JerIdentifiers.HardShoulderStatus.Read(ref reader, path);
                    break;
                case outer:
                    lanes.OuterhardShoulderStatus = (HardShoulderStatus)JerIdentifiers.HardShoulderStatus.Read(ref reader, path);
                    break;
                case driving:
                    var (bits, length) = JerBitString.ReadVariableSize(ref reader, path, JerBitString.DrivingLaneStatusSize);
                    lanes.DrivingLaneStatus = new DrivingLaneStatus { Bits = (int)bits, Length = length };
                    break;
            }

            path.Pop();
        }

        return lanes;
    }

    /// <summary>RestrictedTypes: 1..3 StationType values.</summary>
    public static List<int> ReadRestriction(ref Utf8JsonReader reader, JerPath path) =>
        JerRead.ReadList(ref reader, path, OneToThree, static (ref Utf8JsonReader r, JerPath p) => JerRead.ReadInt32(ref r, p, JerRange.Octet));

    public static DangerousGoodsExtended ReadDangerousGoods(ref Utf8JsonReader reader, JerPath path)
    {
        const int type = 0, unNumber = 1, elevatedTemperature = 2, tunnelsRestricted = 3, limitedQuantity = 4,
            emergencyActionCode = 5, phoneNumber = 6, companyName = 7;

        // The first five components are mandatory; the three character strings are OPTIONAL.
        const ulong required = 0b11111;
        var goods = new DangerousGoodsExtended();
        JerRead.StartObject(ref reader, path);
        ulong seen = 0;
        int key;
        while ((key = JerRead.NextKey(ref reader, path, DangerousGoodsKeys, ref seen)) >= 0)
        {
            switch (key)
            {
                case type:
                    goods.DangerousGoodsType = (DangerousGoodsBasic)JerIdentifiers.DangerousGoodsBasic.Read(ref reader, path);
                    break;
                case unNumber:
                    goods.UnNumber = JerRead.ReadInt32(ref reader, path, JerRange.UnNumber);
                    break;
                case elevatedTemperature:
                    goods.ElevatedTemperature = JerRead.ReadBoolean(ref reader, path);
                    break;
                case tunnelsRestricted:
                    goods.TunnelsRestricted = JerRead.ReadBoolean(ref reader, path);
                    break;
                case limitedQuantity:
                    goods.LimitedQuantity = JerRead.ReadBoolean(ref reader, path);
                    break;
                case emergencyActionCode:
                    goods.EmergencyActionCode = JerCharacterString.ReadIA5String(ref reader, path, EmergencyActionCodeSize);
                    break;
                case phoneNumber:
                    goods.PhoneNumber = JerCharacterString.ReadNumericString(ref reader, path, PhoneNumberSize);
                    break;
                case companyName:
                    goods.CompanyName = JerCharacterString.ReadUtf8String(ref reader, path, CompanyNameSize);
                    break;
            }

            path.Pop();
        }

        JerRead.RequireKeys(path, DangerousGoodsKeys, seen, required);
        return goods;
    }

    public static VehicleIdentification ReadVehicleIdentification(ref Utf8JsonReader reader, JerPath path)
    {
        const int wmiNumber = 0, vds = 1;
        var identification = new VehicleIdentification();
        JerRead.StartObject(ref reader, path);
        ulong seen = 0;
        int key;
        while ((key = JerRead.NextKey(ref reader, path, VehicleIdentificationKeys, ref seen)) >= 0)
        {
            if (key == wmiNumber)
            {
                identification.WMInumber = JerCharacterString.ReadIA5String(ref reader, path, WmiNumberSize);
            }
            else if (key == vds)
            {
                identification.VDS = JerCharacterString.ReadIA5String(ref reader, path, VdsSize);
            }

            path.Pop();
        }

        return identification;
    }

    public static EnergyStorageType ReadEnergyStorageType(ref Utf8JsonReader reader, JerPath path) =>
        (EnergyStorageType)JerBitString.ReadFixedSize(ref reader, path, JerBitString.EnergyStorageTypeSize);

    public static LightBarSirenInUse ReadLightBarSirenInUse(ref Utf8JsonReader reader, JerPath path) =>
        (LightBarSirenInUse)JerBitString.ReadFixedSize(ref reader, path, JerBitString.LightBarSirenInUseSize);

    private static PosConfidenceEllipse ReadEllipse(ref Utf8JsonReader reader, JerPath path)
    {
        const int semiMajor = 0, semiMinor = 1, orientation = 2;
        var ellipse = new PosConfidenceEllipse();
        JerRead.StartObject(ref reader, path);
        ulong seen = 0;
        int key;
        while ((key = JerRead.NextKey(ref reader, path, EllipseKeys, ref seen)) >= 0)
        {
            switch (key)
            {
                case semiMajor:
                    ellipse.SemiMajorConfidence = JerRead.ReadInt32(ref reader, path, JerRange.SemiAxisLength);
                    break;
                case semiMinor:
                    ellipse.SemiMinorConfidence = JerRead.ReadInt32(ref reader, path, JerRange.SemiAxisLength);
                    break;
                case orientation:
                    ellipse.SemiMajorOrientation = JerRead.ReadInt32(ref reader, path, JerRange.HeadingValue);
                    break;
            }

            path.Pop();
        }

        JerRead.RequireKeys(path, EllipseKeys, seen, AllKeys(EllipseKeys));
        return ellipse;
    }

    private static Altitude ReadAltitude(ref Utf8JsonReader reader, JerPath path)
    {
        const int altitudeValue = 0, altitudeConfidence = 1;
        var altitude = new Altitude();
        JerRead.StartObject(ref reader, path);
        ulong seen = 0;
        int key;
        while ((key = JerRead.NextKey(ref reader, path, AltitudeKeys, ref seen)) >= 0)
        {
            if (key == altitudeValue)
            {
                altitude.AltitudeValue = JerRead.ReadInt32(ref reader, path, JerRange.AltitudeValue);
            }
            else if (key == altitudeConfidence)
            {
                altitude.AltitudeConfidence = (AltitudeConfidence)JerIdentifiers.AltitudeConfidence.Read(ref reader, path);
            }

            path.Pop();
        }

        JerRead.RequireKeys(path, AltitudeKeys, seen, AllKeys(AltitudeKeys));
        return altitude;
    }

    private static PathPoint ReadPathPoint(ref Utf8JsonReader reader, JerPath path)
    {
        const int pathPosition = 0, pathDeltaTime = 1;

        // pathPosition is mandatory, pathDeltaTime OPTIONAL.
        const ulong required = 1UL << pathPosition;
        var point = new PathPoint();
        JerRead.StartObject(ref reader, path);
        ulong seen = 0;
        int key;
        while ((key = JerRead.NextKey(ref reader, path, PathPointKeys, ref seen)) >= 0)
        {
            if (key == pathPosition)
            {
                point.PathPosition = ReadDeltaReferencePosition(ref reader, path);
            }
            else if (key == pathDeltaTime)
            {
                point.PathDeltaTime = JerRead.ReadInt32(ref reader, path, JerRange.PathDeltaTime);
            }

            path.Pop();
        }

        JerRead.RequireKeys(path, PathPointKeys, seen, required);
        return point;
    }

    private static EventPoint ReadEventPoint(ref Utf8JsonReader reader, JerPath path)
    {
        const int eventPosition = 0, eventDeltaTime = 1, informationQuality = 2;

        // eventDeltaTime is the only OPTIONAL component.
        const ulong required = (1UL << eventPosition) | (1UL << informationQuality);
        var point = new EventPoint();
        JerRead.StartObject(ref reader, path);
        ulong seen = 0;
        int key;
        while ((key = JerRead.NextKey(ref reader, path, EventPointKeys, ref seen)) >= 0)
        {
            switch (key)
            {
                case eventPosition:
                    point.EventPosition = ReadDeltaReferencePosition(ref reader, path);
                    break;
                case eventDeltaTime:
                    point.EventDeltaTime = JerRead.ReadInt32(ref reader, path, JerRange.PathDeltaTime);
                    break;
                case informationQuality:
                    point.InformationQuality = JerRead.ReadInt32(ref reader, path, JerRange.InformationQuality);
                    break;
            }

            path.Pop();
        }

        JerRead.RequireKeys(path, EventPointKeys, seen, required);
        return point;
    }
}
