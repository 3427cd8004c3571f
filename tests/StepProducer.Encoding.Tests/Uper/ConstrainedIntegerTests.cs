using StepProducer.Encoding.Uper;

namespace StepProducer.Encoding.Tests.Uper;

/// <summary>
/// INTEGER (lb..ub) without extension marker, X.691 clause 12.2.2 and 11.5.7.1: value − lb in the minimum
/// number of bits. One row per constraint bound and named value ('unavailable', 'outOfRange') of every
/// constrained INTEGER type of the DENM modules (TS 102 894-2 v1.3.1 / v2.2.1 names).
/// </summary>
public class ConstrainedIntegerTests : UperGoldenTest
{
    [Theory]
    [InlineData("Latitude", -900000000, -900000000, 900000001, "00000000")]
    [InlineData("Latitude", 0, -900000000, 900000001, "6b49d200")]
    [InlineData("Latitude", 488566140, -900000000, 900000001, "a587acf8")]
    [InlineData("Latitude", 900000000, -900000000, 900000001, "d693a400")]
    [InlineData("Latitude", 900000001, -900000000, 900000001, "d693a402")]
    [InlineData("Longitude", -1800000000, -1800000000, 1800000001, "00000000")]
    [InlineData("Longitude", 0, -1800000000, 1800000001, "6b49d200")]
    [InlineData("Longitude", 23522190, -1800000000, 1800000001, "6cb0bd8e")]
    [InlineData("Longitude", 1800000000, -1800000000, 1800000001, "d693a400")]
    [InlineData("Longitude", 1800000001, -1800000000, 1800000001, "d693a401")]
    [InlineData("SemiAxisLength", 0, 0, 4095, "0000")]
    [InlineData("SemiAxisLength", 1, 0, 4095, "0010")]
    [InlineData("SemiAxisLength", 4094, 0, 4095, "ffe0")]
    [InlineData("SemiAxisLength", 4095, 0, 4095, "fff0")]
    [InlineData("HeadingValue", 0, 0, 3601, "0000")]
    [InlineData("HeadingValue", 900, 0, 3601, "3840")]
    [InlineData("HeadingValue", 3600, 0, 3601, "e100")]
    [InlineData("HeadingValue", 3601, 0, 3601, "e110")]
    [InlineData("AltitudeValue", -100000, -100000, 800001, "000000")]
    [InlineData("AltitudeValue", 0, -100000, 800001, "186a00")]
    [InlineData("AltitudeValue", 800000, -100000, 800001, "dbba00")]
    [InlineData("AltitudeValue", 800001, -100000, 800001, "dbba10")]
    [InlineData("DeltaLatitude", -131071, -131071, 131072, "000000")]
    [InlineData("DeltaLatitude", 0, -131071, 131072, "7fffc0")]
    [InlineData("DeltaLatitude", 131071, -131071, 131072, "ffff80")]
    [InlineData("DeltaLatitude", 131072, -131071, 131072, "ffffc0")]
    [InlineData("DeltaLongitude", -131071, -131071, 131072, "000000")]
    [InlineData("DeltaLongitude", 0, -131071, 131072, "7fffc0")]
    [InlineData("DeltaLongitude", 131071, -131071, 131072, "ffff80")]
    [InlineData("DeltaLongitude", 131072, -131071, 131072, "ffffc0")]
    [InlineData("DeltaAltitude", -12700, -12700, 12800, "0000")]
    [InlineData("DeltaAltitude", 0, -12700, 12800, "6338")]
    [InlineData("DeltaAltitude", 12799, -12700, 12800, "c736")]
    [InlineData("DeltaAltitude", 12800, -12700, 12800, "c738")]
    [InlineData("SpeedValue", 0, 0, 16383, "0000")]
    [InlineData("SpeedValue", 1, 0, 16383, "0004")]
    [InlineData("SpeedValue", 16382, 0, 16383, "fff8")]
    [InlineData("SpeedValue", 16383, 0, 16383, "fffc")]
    [InlineData("SpeedConfidence", 1, 1, 127, "00")]
    [InlineData("SpeedConfidence", 100, 1, 127, "c6")]
    [InlineData("SpeedConfidence", 126, 1, 127, "fa")]
    [InlineData("SpeedConfidence", 127, 1, 127, "fc")]
    [InlineData("HeadingConfidence", 1, 1, 127, "00")]
    [InlineData("HeadingConfidence", 10, 1, 127, "12")]
    [InlineData("HeadingConfidence", 126, 1, 127, "fa")]
    [InlineData("HeadingConfidence", 127, 1, 127, "fc")]
    [InlineData("InformationQuality", 0, 0, 7, "00")]
    [InlineData("InformationQuality", 1, 0, 7, "20")]
    [InlineData("InformationQuality", 7, 0, 7, "e0")]
    [InlineData("StationID", 0, 0, 4294967295, "00000000")]
    [InlineData("StationID", 1001, 0, 4294967295, "000003e9")]
    [InlineData("StationID", 4294967295, 0, 4294967295, "ffffffff")]
    [InlineData("SequenceNumber", 0, 0, 65535, "0000")]
    [InlineData("SequenceNumber", 65535, 0, 65535, "ffff")]
    [InlineData("TimestampIts", 0, 0, 4398046511103, "000000000000")]
    [InlineData("TimestampIts", 94694401000, 0, 4398046511103, "05830e78fa00")]
    [InlineData("TimestampIts", 700000000000, 0, 4398046511103, "28bed0160000")]
    [InlineData("TimestampIts", 4398046511103, 0, 4398046511103, "ffffffffffc0")]
    [InlineData("ValidityDuration", 0, 0, 86400, "000000")]
    [InlineData("ValidityDuration", 600, 0, 86400, "012c00")]
    [InlineData("ValidityDuration", 86400, 0, 86400, "a8c000")]
    [InlineData("TransmissionInterval", 1, 1, 10000, "0000")]
    [InlineData("TransmissionInterval", 10000, 1, 10000, "9c3c")]
    [InlineData("StationType", 0, 0, 255, "00")]
    [InlineData("StationType", 15, 0, 255, "0f")]
    [InlineData("StationType", 255, 0, 255, "ff")]
    [InlineData("CauseCodeType", 0, 0, 255, "00")]
    [InlineData("CauseCodeType", 97, 0, 255, "61")]
    [InlineData("CauseCodeType", 255, 0, 255, "ff")]
    [InlineData("SubCauseCodeType", 0, 0, 255, "00")]
    [InlineData("SubCauseCodeType", 255, 0, 255, "ff")]
    [InlineData("LanePosition", -1, -1, 14, "00")]
    [InlineData("LanePosition", 0, -1, 14, "10")]
    [InlineData("LanePosition", 14, -1, 14, "f0")]
    [InlineData("Temperature", -60, -60, 67, "00")]
    [InlineData("Temperature", 0, -60, 67, "78")]
    [InlineData("Temperature", 67, -60, 67, "fe")]
    [InlineData("HeightLonCarr", 1, 1, 100, "00")]
    [InlineData("HeightLonCarr", 99, 1, 100, "c4")]
    [InlineData("HeightLonCarr", 100, 1, 100, "c6")]
    [InlineData("PosLonCarr", 1, 1, 127, "00")]
    [InlineData("PosLonCarr", 126, 1, 127, "fa")]
    [InlineData("PosLonCarr", 127, 1, 127, "fc")]
    [InlineData("PosPillar", 1, 1, 30, "00")]
    [InlineData("PosPillar", 29, 1, 30, "e0")]
    [InlineData("PosPillar", 30, 1, 30, "e8")]
    [InlineData("PosCentMass", 1, 1, 63, "00")]
    [InlineData("PosCentMass", 62, 1, 63, "f4")]
    [InlineData("PosCentMass", 63, 1, 63, "f8")]
    [InlineData("WheelBaseVehicle", 1, 1, 127, "00")]
    [InlineData("WheelBaseVehicle", 126, 1, 127, "fa")]
    [InlineData("WheelBaseVehicle", 127, 1, 127, "fc")]
    [InlineData("TurningRadius", 1, 1, 255, "00")]
    [InlineData("TurningRadius", 254, 1, 255, "fd")]
    [InlineData("TurningRadius", 255, 1, 255, "fe")]
    [InlineData("PosFrontAx", 1, 1, 20, "00")]
    [InlineData("PosFrontAx", 19, 1, 20, "90")]
    [InlineData("PosFrontAx", 20, 1, 20, "98")]
    [InlineData("VehicleMass", 1, 1, 1024, "0000")]
    [InlineData("VehicleMass", 1023, 1, 1024, "ff80")]
    [InlineData("VehicleMass", 1024, 1, 1024, "ffc0")]
    [InlineData("SpeedLimit", 1, 1, 255, "00")]
    [InlineData("SpeedLimit", 255, 1, 255, "fe")]
    [InlineData("NumberOfOccupants", 0, 0, 127, "00")]
    [InlineData("NumberOfOccupants", 126, 0, 127, "fc")]
    [InlineData("NumberOfOccupants", 127, 0, 127, "fe")]
    [InlineData("Position1d", -8190, -8190, 8191, "0000")]
    [InlineData("Position1d", 0, -8190, 8191, "7ff8")]
    [InlineData("Position1d", 8190, -8190, 8191, "fff0")]
    [InlineData("Position1d", 8191, -8190, 8191, "fff4")]
    [InlineData("Wgs84AngleValue", 0, 0, 3601, "0000")]
    [InlineData("Wgs84AngleValue", 3600, 0, 3601, "e100")]
    [InlineData("Wgs84AngleValue", 3601, 0, 3601, "e110")]
    [InlineData("Wgs84AngleConfidence", 1, 1, 127, "00")]
    [InlineData("Wgs84AngleConfidence", 126, 1, 127, "fa")]
    [InlineData("Wgs84AngleConfidence", 127, 1, 127, "fc")]
    [InlineData("DeltaTimeSecond", 0, 0, 86400, "000000")]
    [InlineData("DeltaTimeSecond", 86400, 0, 86400, "a8c000")]
    [InlineData("DeltaTimeMilliSecondPositive", 1, 1, 10000, "0000")]
    [InlineData("DeltaTimeMilliSecondPositive", 10000, 1, 10000, "9c3c")]
    [InlineData("OrdinalNumber1B", 0, 0, 255, "00")]
    [InlineData("OrdinalNumber1B", 255, 0, 255, "ff")]
    public void WriteAndRead_MatchTheGoldenHex(string asnType, long value, long lowerBound, long upperBound, string hex)
    {
        Assert.NotEmpty(asnType);
        VerifyWrite((ref UperWriter writer) => writer.WriteConstrainedInteger(value, lowerBound, upperBound, asnType), hex);
        VerifyRead(hex, (ref UperReader reader) => reader.ReadConstrainedInteger(lowerBound, upperBound, asnType), value);
    }

    [Theory]
    [InlineData(900_000_002, -900_000_000, 900_000_001)]
    [InlineData(-900_000_001, -900_000_000, 900_000_001)]
    [InlineData(65_536, 0, 65_535)]
    [InlineData(0, 1, 10_000)]
    [InlineData(4_398_046_511_104, 0, 4_398_046_511_103)]
    public void Write_OutsideTheBounds_NamesTheFieldAndTheRange(long value, long lowerBound, long upperBound)
    {
        var error = WriteError((ref UperWriter writer) => writer.WriteConstrainedInteger(value, lowerBound, upperBound, "latitude"));

        Assert.Equal("latitude", error.FieldPath);
        Assert.Equal($"{value} outside {lowerBound}..{upperBound}", error.Rule);
    }

    [Theory]
    // Latitude uses 31 bits for 1800000002 values: all ones is 2147483647 − 900000000, above 900000001.
    [InlineData("fffffffe", -900_000_000, 900_000_001, "1247483647 outside -900000000..900000001")]
    // HeadingValue 0..3601 in 12 bits: 0xfff = 4095.
    [InlineData("fff0", 0, 3601, "4095 outside 0..3601")]
    public void Read_AboveTheUpperBound_IsADecodeErrorWithTheValue(string hex, long lowerBound, long upperBound, string rule)
    {
        var error = ReadError(hex, (ref UperReader reader) => reader.ReadConstrainedInteger(lowerBound, upperBound, "value"));

        Assert.Equal(rule, error.Rule);
        Assert.Equal(0, error.BitOffset);
    }
}
