using StepProducer.Encoding.Uper;

namespace StepProducer.Encoding.Tests.Uper;

/// <summary>
/// ENUMERATED, X.691 clause 14: the root index as a constrained whole number; with an extension marker an
/// extension bit first, and an addition as a normally small number.
/// </summary>
public class EnumeratedTests : UperGoldenTest
{
    [Theory]
    [InlineData("AltitudeConfidence", 0, 16, "00")]
    [InlineData("AltitudeConfidence", 15, 16, "f0")]
    [InlineData("RelevanceDistance", 0, 8, "00")]
    [InlineData("RelevanceDistance", 7, 8, "e0")]
    [InlineData("DangerousGoodsBasic", 0, 20, "00")]
    [InlineData("DangerousGoodsBasic", 19, 20, "98")]
    public void Root_WriteAndRead_MatchTheGoldenHex(string asnType, int value, int rootCount, string hex)
    {
        VerifyWrite((ref UperWriter writer) => writer.WriteEnumerated(value, rootCount, "field", asnType), hex);
        VerifyRead(hex, (ref UperReader reader) => reader.ReadEnumerated(rootCount, "field"), value);
    }

    [Theory]
    // PositioningSolutionType: 6 root values; v2.2.1 adds manuallyByOperator (6).
    [InlineData("PositioningSolutionType", 0, 6, 1, "00")]
    [InlineData("PositioningSolutionType", 5, 6, 1, "50")]
    [InlineData("PositioningSolutionType", 6, 6, 1, "80")]
    // TrafficRule: 4 root values; v2.2.1 adds passToLeftOrRight (4).
    [InlineData("TrafficRule", 0, 4, 1, "00")]
    [InlineData("TrafficRule", 3, 4, 1, "60")]
    [InlineData("TrafficRule", 4, 4, 1, "80")]
    public void Extensible_WriteAndRead_MatchTheGoldenHex(string asnType, int value, int rootCount, int additionCount, string hex)
    {
        VerifyWrite((ref UperWriter writer) => writer.WriteExtensibleEnumerated(value, rootCount, additionCount, "field", asnType), hex);
        VerifyRead(hex, (ref UperReader reader) => reader.ReadExtensibleEnumerated(rootCount, additionCount, "field"), value);
    }

    [Fact]
    public void Write_ValueNotInTheType_NamesTheType()
    {
        var error = WriteError((ref UperWriter writer) => writer.WriteEnumerated(16, 16, "altitudeConfidence", "AltitudeConfidence"));

        Assert.Equal("16 is not a value of AltitudeConfidence", error.Rule);
    }

    [Theory]
    // RoadType: 4 values in 2 bits; HardShoulderStatus: 3 values in 2 bits, so index 3 is possible on the wire.
    [InlineData("c0", 3, "enumeration index 3 outside 0..2")]
    public void Read_IndexOutsideTheRoot_IsADecodeError(string hex, int rootCount, string rule)
    {
        var error = ReadError(hex, (ref UperReader reader) => reader.ReadEnumerated(rootCount, "innerhardShoulderStatus"));

        Assert.Equal(rule, error.Rule);
    }

    [Fact]
    public void Read_AdditionThisVersionDoesNotKnow_IsADecodeError()
    {
        // v1.3.1 PositioningSolutionType has no addition; the v2.2.1 manuallyByOperator is unknown to it.
        var error = ReadError("80", (ref UperReader reader) => reader.ReadExtensibleEnumerated(6, 0, "positioningSolution"));

        Assert.Equal("unknown enumeration extension value 0 (this version knows 0)", error.Rule);
        Assert.Equal(1, error.BitOffset);
    }
}
