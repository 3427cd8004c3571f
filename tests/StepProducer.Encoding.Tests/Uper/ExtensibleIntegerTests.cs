using StepProducer.Encoding.Uper;

namespace StepProducer.Encoding.Tests.Uper;

/// <summary>
/// INTEGER (lb..ub, ...), X.691 clause 12.1: an extension bit, then the root encoding, or the value as an
/// unconstrained whole number (length octet and two's complement). Rows for PathDeltaTime (1..65535, ...).
/// </summary>
public class ExtensibleIntegerTests : UperGoldenTest
{
    private const int PathDeltaTimeMin = 1;
    private const int PathDeltaTimeMax = 65_535;

    [Theory]
    [InlineData(1, "000000")]
    [InlineData(65_535, "7fff00")]
    [InlineData(0, "808000")]
    [InlineData(65_536, "8180800000")]
    [InlineData(-1, "80ff80")]
    [InlineData(int.MaxValue, "823fffffff80")]
    [InlineData(int.MinValue, "824000000000")]
    public void PathDeltaTime_WriteAndRead_MatchTheGoldenHex(int value, string hex)
    {
        VerifyWrite((ref UperWriter writer) => writer.WriteExtensibleInteger(value, PathDeltaTimeMin, PathDeltaTimeMax), hex);
        VerifyRead(hex, (ref UperReader reader) => reader.ReadExtensibleInteger(PathDeltaTimeMin, PathDeltaTimeMax, "pathDeltaTime"), value);
    }

    [Theory]
    // Extension bit 1, length 5 octets: more than an int holds.
    [InlineData("82800000000000", "extension value of 5 octets is not a 1..4-octet integer")]
    // Extension bit 1, length 0.
    [InlineData("8000", "extension value of 0 octets is not a 1..4-octet integer")]
    public void PathDeltaTime_Read_ExtensionValueThatIsNoInt_IsADecodeError(string hex, string rule)
    {
        var error = ReadError(hex, (ref UperReader reader) => reader.ReadExtensibleInteger(PathDeltaTimeMin, PathDeltaTimeMax, "pathDeltaTime"));

        Assert.Equal(rule, error.Rule);
        Assert.Equal(1, error.BitOffset);
    }
}
