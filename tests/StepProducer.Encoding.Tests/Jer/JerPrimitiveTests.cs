using System.Buffers;
using System.Text.Json;
using StepProducer.Encoding.Jer;

namespace StepProducer.Encoding.Tests.Jer;

/// <summary>The JER forms of BIT STRING, character strings, ENUMERATED and CHOICE keys, one construct at a time.</summary>
public class JerPrimitiveTests
{
    private static readonly JsonEncodedText Key = JsonEncodedText.Encode("k");

    [Theory]
    // LightBarSirenInUse SIZE(2): ASN.1 bit 0 (the model's 1 << 1) is the top bit of the first octet.
    [InlineData(0b10u, 2, "80")]
    [InlineData(0b01u, 2, "40")]
    // EnergyStorageType SIZE(7): all seven bits, one padding bit.
    [InlineData(0b1111111u, 7, "fe")]
    // PositionOfOccupants SIZE(20): the 20-bit number shifted up by the four padding bits.
    [InlineData(0xABCDEu, 20, "abcde0")]
    [InlineData(0u, 20, "000000")]
    public void FixedSizeBitString_WritesPaddedHex_AndReadsItBack(uint bits, int size, string hex)
    {
        Assert.Equal($$"""{"k":"{{hex}}"}""", WriteObject(w => JerBitString.WriteFixedSize(w, Key, bits, size)));
        Assert.Equal(bits, Read(hex, (ref Utf8JsonReader r, JerPath p) => JerBitString.ReadFixedSize(ref r, p, size), quoted: true));
    }

    [Fact]
    public void VariableSizeBitString_WritesValueAndLength_AndReadsItBack()
    {
        // DrivingLaneStatus SIZE(1..13), 10 bits, bit 0 first: 1011001110 = octets 10110011 10(000000).
        Assert.Equal("""{"k":{"value":"b380","length":10}}""", WriteObject(w => JerBitString.WriteVariableSize(w, Key, 0b1011001110u, 10)));
        var (bits, length) = Read("""{"length":10,"value":"B380"}""", (ref Utf8JsonReader r, JerPath p) => JerBitString.ReadVariableSize(ref r, p, JerBitString.DrivingLaneStatusSize));
        Assert.Equal((0b1011001110u, 10), (bits, length));
    }

    [Theory]
    [InlineData("\"abcde1\"", "has non-zero padding bits")]
    [InlineData("\"abcd\"", "has 4 hex digits, 20 bits need 6")]
    [InlineData("\"abcdeg\"", "is not hexadecimal")]
    [InlineData("12", "expected a BIT STRING of 20 bits (hex string), found a number")]
    public void FixedSizeBitString_BadText_NamesTheRule(string json, string rule)
    {
        var error = ReadError(json, (ref Utf8JsonReader r, JerPath p) => JerBitString.ReadFixedSize(ref r, p, 20));
        Assert.Contains(rule, error.Rule);
    }

    [Theory]
    [InlineData("""{"value":"b380"}""", "missing mandatory component 'length'")]
    [InlineData("""{"value":"b380","length":14}""", "14 outside 1..13")]
    [InlineData("""{"value":"b380","length":10,"x":1}""", "unknown key 'x'")]
    [InlineData("""{"value":"b380","length":10,"length":10}""", "key 'length' appears twice")]
    public void VariableSizeBitString_BadObject_NamesTheRule(string json, string rule)
    {
        var error = ReadError(json, (ref Utf8JsonReader r, JerPath p) => JerBitString.ReadVariableSize(ref r, p, JerBitString.DrivingLaneStatusSize));
        Assert.Equal(rule, error.Rule);
    }

    [Fact]
    public void CauseCodeChoice_Has129AlternativesNamedAsInCddV221()
    {
        var table = JerIdentifiers.CauseCodeChoice;
        Assert.Equal(129, table.Count);
        Assert.Equal("reserved0", table[0].ToString());
        Assert.Equal("trafficCondition1", table[1].ToString());
        Assert.Equal("adverseWeatherCondition-Adhesion6", table[6].ToString());
        Assert.Equal("reserved90", table[90].ToString());
        Assert.Equal("collisionRisk97", table[97].ToString());
        Assert.Equal("railwayLevelCrossing100", table[100].ToString());
        Assert.Equal("reserved128", table[128].ToString());
    }

    [Theory]
    [InlineData("\"lessThan200m\"", 2)]
    [InlineData("\"over10km\"", 7)]
    public void Enumerated_ReadsIdentifier(string json, int value) =>
        Assert.Equal(value, Read(json, (ref Utf8JsonReader r, JerPath p) => JerIdentifiers.RelevanceDistance.Read(ref r, p), quoted: false));

    [Theory]
    [InlineData("\"lessThan2m\"", "'lessThan2m' is not an identifier of RelevanceDistance / StandardLength3b")]
    [InlineData("2", "expected an ENUMERATED identifier (JSON string), found a number")]
    public void Enumerated_UnknownIdentifierOrNumber_IsRejected(string json, string rule) =>
        Assert.Equal(rule, ReadError(json, (ref Utf8JsonReader r, JerPath p) => JerIdentifiers.RelevanceDistance.Read(ref r, p)).Rule);

    [Theory]
    [InlineData("\"ABC\"", 1, 3, null)]
    [InlineData("\"ABCD\"", 1, 3, "'ABCD' has 4 characters, outside SIZE(1..3)")]
    [InlineData("\"\u00e9\"", 1, 3, "'\u00e9' has a character outside the IA5String alphabet (0..127)")]
    public void IA5String_ChecksAlphabetAndSize(string json, int min, int max, string? rule) =>
        CheckString(json, rule, (ref Utf8JsonReader r, JerPath p) => JerCharacterString.ReadIA5String(ref r, p, new JerRange(min, max)));

    [Theory]
    [InlineData("\"0049 89\"", null)]
    [InlineData("\"+4989\"", "'+4989' has a character outside the NumericString alphabet (0-9 and space)")]
    [InlineData("\"\"", "'' has 0 characters, outside SIZE(1..16)")]
    public void NumericString_ChecksAlphabetAndSize(string json, string? rule) =>
        CheckString(json, rule, (ref Utf8JsonReader r, JerPath p) => JerCharacterString.ReadNumericString(ref r, p, new JerRange(1, 16)));

    [Theory]
    // 24 characters of two UTF-8 octets each fit SIZE(1..24): the size counts characters, not octets.
    [InlineData(24, null)]
    [InlineData(25, "has 25 characters, outside SIZE(1..24)")]
    public void Utf8String_SizeCountsCharacters(int characters, string? rule) =>
        CheckString($"\"{new string('\u00e9', characters)}\"", rule, (ref Utf8JsonReader r, JerPath p) => JerCharacterString.ReadUtf8String(ref r, p, new JerRange(1, 24)));

    [Fact]
    public void Integer_OutsideRange_GivesUperStyleRule()
    {
        var error = ReadError("900000002", (ref Utf8JsonReader r, JerPath p) => JerRead.ReadInteger(ref r, p, JerRange.Latitude));
        Assert.Equal("900000002 outside -900000000..900000001", error.Rule);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("1e3")]
    public void Integer_WithFractionOrExponent_IsRejected(string json) =>
        Assert.Equal($"{json} is not a whole number", ReadError(json, (ref Utf8JsonReader r, JerPath p) => JerRead.ReadInteger(ref r, p, JerRange.TransmissionInterval)).Rule);

    private delegate T ReadFunc<T>(ref Utf8JsonReader reader, JerPath path);

    private static void CheckString(string json, string? rule, ReadFunc<string> read)
    {
        if (rule is null)
        {
            Assert.Equal(JsonSerializer.Deserialize(json, JerTestJsonContext.Default.String), Read(json, read, quoted: false));
        }
        else
        {
            Assert.EndsWith(rule, ReadError(json, read).Rule);
        }
    }

    private static string WriteObject(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static T Read<T>(string json, ReadFunc<T> read, bool quoted = false)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(quoted ? $"\"{json}\"" : json));
        reader.Read();
        return read(ref reader, new JerPath());
    }

    private static JerException ReadError<T>(string json, ReadFunc<T> read) =>
        Assert.Throws<JerException>(() => Read(json, read));
}
