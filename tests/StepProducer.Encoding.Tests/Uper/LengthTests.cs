using StepProducer.Encoding.Denm;
using CauseCode = StepProducer.Encoding.Denm.V1.CauseCode;
using ActionID = StepProducer.Encoding.Denm.V1.ActionID;
using DenmV1Uper = StepProducer.Encoding.Denm.V1.DenmV1Uper;
using StepProducer.Encoding.Denm.V2;
using StepProducer.Encoding.Uper;

namespace StepProducer.Encoding.Tests.Uper;

/// <summary>
/// SEQUENCE OF lengths (X.691 clause 20 and 11.9): SIZE(lb..ub) as a constrained whole number, SIZE(lb..ub, ...)
/// with an extension bit and, beyond the root, the general length determinant.
/// </summary>
public class LengthTests : UperGoldenTest
{
    [Theory]
    [InlineData(new[] { 0 }, "0000")]
    [InlineData(new[] { 0, 15, 255 }, "4001ffe0")]
    [InlineData(new[] { 1, 2, 3, 4 }, "820081018200")]
    public void RestrictedTypes_SizeOneToThreeExtensible_MatchesTheGoldenHex(int[] stationTypes, string hex)
    {
        VerifyWrite((ref UperWriter writer) => AlacarteUper<DenmV1Uper, CauseCode, ActionID>.WriteRestriction(ref writer, [.. stationTypes]), hex);
        VerifyRead(
            hex,
            (ref UperReader reader) =>
            {
                var decoded = new List<int>();
                AlacarteUper<DenmV1Uper, CauseCode, ActionID>.ReadRestriction(ref reader, decoded);
                return string.Join(",", decoded);
            },
            string.Join(",", stationTypes));
    }

    [Theory]
    [InlineData(1, 1001u, 4, "00000000100020")]
    [InlineData(8, uint.MaxValue, 65_535, "7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0")]
    [InlineData(9, 0u, 0, "8480000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000")]
    public void ActionIdList_SizeOneToEightExtensible_MatchesTheGoldenHex(int count, uint station, int sequence, string hex)
    {
        // The first row's one ActionId is (1, 2); the others repeat (station, sequence).
        var list = count == 1
            ? [new ActionId { OriginatingStationId = 1, SequenceNumber = 2 }]
            : Enumerable.Repeat(new ActionId { OriginatingStationId = station, SequenceNumber = sequence }, count).ToList();
        VerifyWrite((ref UperWriter writer) => AlacarteUper<DenmV2Uper, CauseCodeV2, ActionId>.WriteActionIdList(ref writer, list, "linkedDenms"), hex);
        VerifyRead(
            hex,
            (ref UperReader reader) =>
            {
                var decoded = new List<ActionId>();
                AlacarteUper<DenmV2Uper, CauseCodeV2, ActionId>.ReadActionIdList(ref reader, decoded, "linkedDenms");
                return decoded.Count;
            },
            count);
    }

    [Theory]
    // X.691 clause 11.9.3.6: one octet below 128; clause 11.9.3.7: "10" and 14 bits below 16384.
    [InlineData(0, "00")]
    [InlineData(127, "7f")]
    [InlineData(128, "8080")]
    [InlineData(16_383, "bfff")]
    public void LengthDeterminant_MatchesX691(int length, string hex)
    {
        VerifyWrite((ref UperWriter writer) => writer.WriteLengthDeterminant(length, "field"), hex);
        VerifyRead(hex, (ref UperReader reader) => reader.ReadLengthDeterminant("field"), length);
    }

    [Fact]
    public void LengthDeterminant_FragmentedForm_IsADecodeError()
    {
        var error = ReadError("c1", (ref UperReader reader) => reader.ReadLengthDeterminant("field"));

        Assert.Equal("fragmented length determinant (16K or more) is not supported", error.Rule);
    }

    [Theory]
    [InlineData(0, "0 items outside SIZE(1..7)")]
    [InlineData(8, "8 items outside SIZE(1..7)")]
    public void ConstrainedLength_OutsideTheSize_NamesTheRule(int length, string rule)
    {
        var error = WriteError((ref UperWriter writer) => writer.WriteConstrainedLength(length, 1, 7, "traces"));

        Assert.Equal(rule, error.Rule);
    }

    [Fact]
    public void ConstrainedLength_OverTheBoundOnTheWire_IsADecodeError()
    {
        // Traces SIZE(1..7) in 3 bits: 0b111 would be 8 items.
        var error = ReadError("e0", (ref UperReader reader) => reader.ReadConstrainedLength(1, 7, "traces"));

        Assert.Equal("8 items over SIZE(1..7)", error.Rule);
    }
}
