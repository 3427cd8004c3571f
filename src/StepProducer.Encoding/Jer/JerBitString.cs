using System.Text.Json;

namespace StepProducer.Encoding.Jer;

/// <summary>
/// BIT STRING in JER (ITU-T X.697, encoding of the bitstring type). A fixed-size BIT STRING is a JSON
/// string of hexadecimal digits, the bits padded with zero bits to whole octets. A variable-size one is
/// <c>{"value": "&lt;hex&gt;", "length": &lt;number of bits&gt;}</c>. As in the model, a BIT STRING of n bits is
/// held as an n-bit number whose most significant bit is ASN.1 bit 0; in the hex text bit 0 is the most
/// significant bit of the first octet, so the text is that number shifted up to whole octets.
/// </summary>
internal static class JerBitString
{
    /// <summary>LightBarSirenInUse: BIT STRING (SIZE(2)).</summary>
    public const int LightBarSirenInUseSize = 2;

    /// <summary>EnergyStorageType: BIT STRING (SIZE(7)).</summary>
    public const int EnergyStorageTypeSize = 7;

    /// <summary>PositionOfOccupants: BIT STRING (SIZE(20)), the longest BIT STRING of the DENM modules.</summary>
    public const int PositionOfOccupantsSize = 20;

    /// <summary>DrivingLaneStatus: BIT STRING (SIZE(1..13)).</summary>
    public static readonly JerRange DrivingLaneStatusSize = new(1, 13);

    /// <summary>Room for the hex digits of any of them: 32 bits would be 8 digits.</summary>
    private const int MaxBits = 32;

    private static readonly JsonEncodedText ValueKey = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText LengthKey = JsonEncodedText.Encode("length");
    /// <summary>The variable-size form, an object whose two keys are both mandatory.</summary>
    private static readonly JerSequence VariableSizeForm = new([ValueKey, LengthKey]);

    public static void WriteFixedSize(Utf8JsonWriter writer, JsonEncodedText key, uint bits, int size)
    {
        Span<byte> hex = stackalloc byte[MaxBits / 4];
        writer.WriteString(key, FormatHex(bits, size, hex));
    }

    public static void WriteVariableSize(Utf8JsonWriter writer, JsonEncodedText key, uint bits, int length)
    {
        Span<byte> hex = stackalloc byte[MaxBits / 4];
        writer.WriteStartObject(key);
        writer.WriteString(ValueKey, FormatHex(bits, length, hex));
        writer.WriteNumber(LengthKey, length);
        writer.WriteEndObject();
    }

    public static uint ReadFixedSize(ref Utf8JsonReader reader, JerPath path, int size)
    {
        JerRead.ExpectToken(ref reader, path, JsonTokenType.String, $"a BIT STRING of {size} bits (hex string)");
        return ParseHex(reader.GetString()!, size, path);
    }

    /// <summary>Reads the variable-size form; the length must lie in the SIZE range.</summary>
    public static (uint Bits, int Length) ReadVariableSize(ref Utf8JsonReader reader, JerPath path, JerRange size)
    {
        var form = VariableSizeForm.Read(ref reader, path, (ref Utf8JsonReader r, JerPath p, int key, ref (string Hex, int Length) text) =>
        {
            if (key == 0)
            {
                JerRead.ExpectToken(ref r, p, JsonTokenType.String, "a hex string");
                text.Hex = r.GetString()!;
            }
            else
            {
                text.Length = JerRead.ReadInt32(ref r, p, size);
            }
        });
        path.Push(ValueKey.ToString());
        var bits = ParseHex(form.Hex, form.Length, path);
        path.Pop();
        return (bits, form.Length);
    }

    private static ReadOnlySpan<byte> FormatHex(uint bits, int size, Span<byte> hex)
    {
        var octets = (size + 7) / 8;
        var padded = bits << ((octets * 8) - size);
        var digits = octets * 2;
        for (var digit = 0; digit < digits; digit++)
        {
            var nibble = (padded >> ((digits - 1 - digit) * 4)) & 0xF;
            hex[digit] = (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
        }

        return hex[..digits];
    }

    private static uint ParseHex(string hex, int size, JerPath path)
    {
        var octets = (size + 7) / 8;
        if (hex.Length != octets * 2)
        {
            JerException.Throw(path, $"'{hex}' has {hex.Length} hex digits, {size} bits need {octets * 2}");
        }

        uint padded = 0;
        foreach (var digit in hex)
        {
            var nibble = HexDigitValue(digit);
            if (nibble < 0)
            {
                JerException.Throw(path, $"'{hex}' is not hexadecimal");
            }

            padded = (padded << 4) | (uint)nibble;
        }

        var padding = (octets * 8) - size;
        if ((padded & ((1u << padding) - 1)) != 0)
        {
            JerException.Throw(path, $"'{hex}' has non-zero padding bits after bit {size - 1}");
        }

        return padded >> padding;
    }

    private static int HexDigitValue(char digit) => digit switch
    {
        >= '0' and <= '9' => digit - '0',
        >= 'a' and <= 'f' => digit - 'a' + 10,
        >= 'A' and <= 'F' => digit - 'A' + 10,
        _ => -1,
    };
}
