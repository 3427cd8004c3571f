using StepProducer.Encoding.Its;
using StepProducer.Encoding.Uper;

namespace StepProducer.Encoding.Tests.Uper;

/// <summary>
/// BIT STRING, X.691 clause 16: a fixed size is its bits alone; SIZE(1..13) adds a constrained length.
/// Named bit k of a SIZE(n) type is the value 1 &lt;&lt; (n − 1 − k): bit 0 goes first on the wire.
/// </summary>
public class BitStringTests : UperGoldenTest
{
    [Theory]
    [InlineData((uint)LightBarSirenInUse.LightBarActivated, 2, "80")]
    [InlineData((uint)LightBarSirenInUse.SirenActivated, 2, "40")]
    [InlineData((uint)EnergyStorageType.HydrogenStorage, 7, "80")]
    [InlineData((uint)EnergyStorageType.Ammonia, 7, "02")]
    [InlineData((uint)PositionOfOccupants.Row1LeftOccupied, 20, "800000")]
    [InlineData((uint)PositionOfOccupants.Row4NotPresent, 20, "000010")]
    public void FixedSize_MatchesTheGoldenHex(uint bits, int size, string hex)
    {
        VerifyWrite((ref UperWriter writer) => writer.WriteFixedSizeBitString(bits, size, "bits"), hex);
        VerifyRead(hex, (ref UperReader reader) => (uint)reader.ReadBits(size, "bits"), bits);
    }

    [Theory]
    [InlineData(0b1, 1, "08")]
    [InlineData(0b0, 1, "00")]
    [InlineData(0b1011001110101, 13, "cb3a80")]
    public void DrivingLaneStatus_SizeOneToThirteen_MatchesTheGoldenHex(int bits, int length, string hex)
    {
        VerifyWrite((ref UperWriter writer) => writer.WriteVariableSizeBitString((uint)bits, length, 1, 13, "drivingLaneStatus"), hex);
    }

    [Fact]
    public void FixedSize_BitsBeyondTheSize_NamesTheRule()
    {
        var error = WriteError((ref UperWriter writer) => writer.WriteFixedSizeBitString(0b100, 2, "lightBarSirenInUse"));

        Assert.Equal("0x4 has bits beyond the 2 of the BIT STRING", error.Rule);
    }
}
