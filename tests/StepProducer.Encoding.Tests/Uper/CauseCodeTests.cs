using StepProducer.Encoding.Denm.V1;
using StepProducer.Encoding.Denm.V2;
using StepProducer.Encoding.Uper;

namespace StepProducer.Encoding.Tests.Uper;

/// <summary>
/// CauseCode (CDD v1.3.1: extensible SEQUENCE of two INTEGER (0..255)) and CauseCodeV2 (CDD v2.2.1: extensible
/// SEQUENCE holding CauseCodeChoice, a CHOICE of 129 alternatives, X.691 clause 23: the index in 8 bits).
/// </summary>
public class CauseCodeTests : UperGoldenTest
{
    [Theory]
    [InlineData(0, 0, "000000")]
    [InlineData(97, 4, "308200")]
    [InlineData(255, 255, "7fff80")]
    public void V1CauseCode_MatchesTheGoldenHex(int cause, int subCause, string hex)
    {
        var value = new CauseCode { CauseCodeType = cause, SubCauseCode = subCause };
        VerifyWrite((ref UperWriter writer) => DenmV1Uper.WriteCauseCode(ref writer, value, "eventType"), hex);
        VerifyRead(hex, (ref UperReader reader) => DenmV1Uper.ReadCauseCode(ref reader, "eventType"), value);
    }

    [Theory]
    // reserved0, collisionRisk97 / vulnerableRoadUser (4), reserved128 with the largest sub cause.
    [InlineData(0, 0, "000000")]
    [InlineData(97, 4, "308200")]
    [InlineData(128, 255, "407f80")]
    public void CauseCodeV2_MatchesTheGoldenHex(int cause, int subCause, string hex)
    {
        var value = new CauseCodeV2 { CauseCode = cause, SubCauseCode = subCause };
        VerifyWrite((ref UperWriter writer) => DenmV2Uper.WriteCauseCode(ref writer, value, "eventType"), hex);
        VerifyRead(hex, (ref UperReader reader) => DenmV2Uper.ReadCauseCode(ref reader, "eventType"), value);
    }

    [Fact]
    public void CauseCodeV2_Write_CauseAbove128_NamesTheChoice()
    {
        var error = WriteError((ref UperWriter writer) => DenmV2Uper.WriteCauseCode(ref writer, new CauseCodeV2 { CauseCode = 129 }, "eventType"));

        Assert.Equal("eventType.ccAndScc", error.FieldPath);
        Assert.Equal("129 outside 0..128", error.Rule);
    }

    [Fact]
    public void CauseCodeV2_Read_UnknownChoiceIndex_IsADecodeError()
    {
        // Extension bit 0, index 0b10000001 = 129.
        var error = ReadError("408000", (ref UperReader reader) => DenmV2Uper.ReadCauseCode(ref reader, "eventType"));

        Assert.Equal("eventType.ccAndScc", error.FieldPath);
        Assert.Equal("unknown CauseCodeChoice alternative 129 (0..128)", error.Rule);
        Assert.Equal(1, error.BitOffset);
    }
}
