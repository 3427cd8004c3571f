using StepProducer.Encoding.Its;
using StepProducer.Encoding.Uper;

namespace StepProducer.Encoding.Tests.Uper;

/// <summary>
/// Restricted character strings, X.691 clause 30: IA5String 7 bits a character, NumericString 4-bit indexes,
/// both with a constrained length (none for a fixed size); UTF8String is not known-multiplier, so a general
/// length determinant in octets and the octets.
/// </summary>
public class CharacterStringTests : UperGoldenTest
{
    [Theory]
    [InlineData("A", 1, 3, "2080")]
    [InlineData("ABC", 1, 3, "a0c286")]
    [InlineData("\0\u007f@", 1, 3, "807f80")]
    [InlineData("ABCDEF", 6, 6, "830a1c48b180")]
    public void IA5String_WMInumberAndVds_MatchTheGoldenHex(string text, int minSize, int maxSize, string hex)
    {
        VerifyWrite((ref UperWriter writer) => writer.WriteIA5String(text, minSize, maxSize, "wMInumber"), hex);
        VerifyRead(hex, (ref UperReader reader) => reader.ReadIA5String(minSize, maxSize, null, "wMInumber"), text);
    }

    [Theory]
    [InlineData("0", "01")]
    [InlineData(" ", "00")]
    [InlineData("0123456789 01234", "f123456789a0123450")]
    public void NumericString_PhoneNumber_MatchesTheGoldenHex(string text, string hex)
    {
        VerifyWrite((ref UperWriter writer) => writer.WriteNumericString(text, 1, 16, "phoneNumber"), hex);
        VerifyRead(hex, (ref UperReader reader) => reader.ReadNumericString(1, 16, null, "phoneNumber"), text);
    }

    [Fact]
    public void Utf8StringAndIA5String_InDangerousGoodsExtended_MatchTheGoldenHex()
    {
        var withCompanyName = new DangerousGoodsExtended
        {
            DangerousGoodsType = DangerousGoodsBasic.Explosives1,
            UnNumber = 1203,
            TunnelsRestricted = true,
            CompanyName = "Acme é",
        };
        var withIA5AndPhone = new DangerousGoodsExtended
        {
            DangerousGoodsType = DangerousGoodsBasic.MiscellaneousDangerousSubstances,
            UnNumber = 9999,
            ElevatedTemperature = true,
            LimitedQuantity = true,
            EmergencyActionCode = "ABCDEFGHIJKLMNOPQRSTUVWX",
            PhoneNumber = "112",
        };

        VerifyWrite((ref UperWriter writer) => CddUper.WriteDangerousGoods(ref writer, withCompanyName, ""), "10096681d058db594830ea40");
        VerifyWrite((ref UperWriter writer) => CddUper.WriteDangerousGoods(ref writer, withIA5AndPhone, ""), "69ce1f6f061438916347912654b993674fa146953a956b57b04446");
        VerifyRead("10096681d058db594830ea40", (ref UperReader reader) => Read(ref reader).CompanyName, "Acme é");
        VerifyRead("69ce1f6f061438916347912654b993674fa146953a956b57b04446", (ref UperReader reader) => Read(ref reader).EmergencyActionCode, "ABCDEFGHIJKLMNOPQRSTUVWX");
    }

    [Theory]
    [InlineData("ABCD", "4 characters outside SIZE(1..3)")]
    [InlineData("", "0 characters outside SIZE(1..3)")]
    [InlineData("Aé", "character U+00E9 is outside the IA5String alphabet (0..127)")]
    public void IA5String_Invalid_NamesTheRule(string text, string rule)
    {
        var error = WriteError((ref UperWriter writer) => writer.WriteIA5String(text, 1, 3, "wMInumber"));

        Assert.Equal(rule, error.Rule);
    }

    [Fact]
    public void NumericString_Letter_NamesTheRule()
    {
        var error = WriteError((ref UperWriter writer) => writer.WriteNumericString("12a", 1, 16, "phoneNumber"));

        Assert.Equal("character 'a' is outside the NumericString alphabet (0-9 and space)", error.Rule);
    }

    [Fact]
    public void Utf8String_TooLong_NamesTheRule()
    {
        var error = WriteError((ref UperWriter writer) => writer.WriteUtf8String("abcdefghijklmnopqrstuvwxy", 1, 24, "companyName"));

        Assert.Equal("25 characters outside SIZE(1..24)", error.Rule);
    }

    [Fact]
    public void Utf8String_LoneSurrogate_NamesTheRule()
    {
        // Built at run time: a lone surrogate does not survive as theory data.
        var text = "a" + (char)0xD800;

        var error = WriteError((ref UperWriter writer) => writer.WriteUtf8String(text, 1, 24, "companyName"));

        Assert.Equal("is not well-formed UTF-16 (lone surrogate)", error.Rule);
    }

    [Theory]
    // Length 2, octets c3 28: not UTF-8.
    [InlineData("02c328", "is not well-formed UTF-8")]
    // Length 97: more octets than 24 characters of UTF-8 can take.
    [InlineData("61", "97 octets cannot hold at most 24 characters")]
    public void Utf8String_ReadInvalid_IsADecodeError(string hex, string rule)
    {
        var error = ReadError(hex, (ref UperReader reader) => reader.ReadUtf8String(1, 24, null, "companyName"));

        Assert.Equal(rule, error.Rule);
    }

    [Fact]
    public void NumericString_ReadIndexOutsideTheAlphabet_IsADecodeError()
    {
        // Length 1 (0000), index 15 (1111).
        var error = ReadError("0f", (ref UperReader reader) => reader.ReadNumericString(1, 16, null, "phoneNumber"));

        Assert.Equal("NumericString character index 15 outside 0..10", error.Rule);
    }

    [Fact]
    public void Read_SameTextAsTheReusedModel_ReturnsTheSameInstance()
    {
        var current = new string("ABC".AsSpan());

        var path = default(FieldPathStack);
        var reader = new UperReader(Convert.FromHexString("a0c286"), ref path);

        Assert.Same(current, reader.ReadIA5String(1, 3, current, "wMInumber"));
    }

    private static DangerousGoodsExtended Read(ref UperReader reader)
    {
        var value = new DangerousGoodsExtended();
        CddUper.ReadDangerousGoods(ref reader, value, "");
        return value;
    }
}
