using System.Text.Json;

namespace StepProducer.Encoding.Jer;

/// <summary>
/// BIT STRING in JER (ITU-T X.697, encoding of the bitstring type). A fixed-size BIT STRING is a JSON
/// string of hexadecimal digits, the bits padded with zero bits to whole octets. A variable-size one is
/// <c>{"value": "&lt;hex&gt;", "length": &lt;number of bits&gt;}</c>. Here a BIT STRING of n bits is held as an
/// n-bit number whose most significant bit is the ASN.1 bit 0 (the first bit), as UPER writes it.
/// </summary>
internal static class JerBitString
{
    /// <summary>The longest BIT STRING in the DENM modules is PositionOfOccupants, SIZE(20).</summary>
    private const int MaxBits = 32;

    private static readonly JsonEncodedText ValueKey = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText LengthKey = JsonEncodedText.Encode("length");
    private static readonly JsonEncodedText[] VariableSizeKeys = [ValueKey, LengthKey];

    // Both keys of the variable-size form are mandatory.
    private const ulong VariableSizeRequired = 0b11;

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

    /// <summary>Reads the variable-size form; the length must lie in minLength..maxLength.</summary>
    public static (uint Bits, int Length) ReadVariableSize(
        ref Utf8JsonReader reader, JerPath path, int minLength, int maxLength)
    {
        JerRead.StartObject(ref reader, path);
        string? hex = null;
        var length = 0;
        ulong seen = 0;
        int key;
        while ((key = JerRead.NextKey(ref reader, path, VariableSizeKeys, ref seen)) >= 0)
        {
            if (key == 0)
            {
                JerRead.ExpectToken(ref reader, path, JsonTokenType.String, "a hex string");
                hex = reader.GetString()!;
            }
            else
            {
                length = (int)JerRead.ReadInteger(ref reader, path, minLength, maxLength);
            }

            path.Pop();
        }

        JerRead.RequireKeys(path, VariableSizeKeys, seen, VariableSizeRequired);
        path.Push(ValueKey.ToString());
        var bits = ParseHex(hex!, length, path);
        path.Pop();
        return (bits, length);
    }

    private static ReadOnlySpan<byte> FormatHex(uint bits, int size, Span<byte> hex)
    {
        var octets = (size + 7) / 8;
        var aligned = bits << ((octets * 8) - size);
        var digits = octets * 2;
        for (var i = 0; i < digits; i++)
        {
            var nibble = (aligned >> ((digits - 1 - i) * 4)) & 0xF;
            hex[i] = (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
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

        uint aligned = 0;
        foreach (var digit in hex)
        {
            var nibble = HexDigitValue(digit);
            if (nibble < 0)
            {
                JerException.Throw(path, $"'{hex}' is not hexadecimal");
            }

            aligned = (aligned << 4) | (uint)nibble;
        }

        var padding = (octets * 8) - size;
        if ((aligned & ((1u << padding) - 1)) != 0)
        {
            JerException.Throw(path, $"'{hex}' has non-zero padding bits after bit {size - 1}");
        }

        return aligned >> padding;
    }

    private static int HexDigitValue(char digit) => digit switch
    {
        >= '0' and <= '9' => digit - '0',
        >= 'a' and <= 'f' => digit - 'a' + 10,
        >= 'A' and <= 'F' => digit - 'A' + 10,
        _ => -1,
    };
}
