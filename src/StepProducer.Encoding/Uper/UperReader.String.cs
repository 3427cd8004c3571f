using System.Text;

namespace StepProducer.Encoding.Uper;

internal ref partial struct UperReader
{
    /// <summary>
    /// IA5String (SIZE(lb..ub)), the mirror of <see cref="UperWriter.WriteIA5String"/>. Returns
    /// <paramref name="current"/> when it already holds the decoded text, so decoding into a reused model
    /// allocates nothing for an unchanged string.
    /// </summary>
    public string ReadIA5String(int minSize, int maxSize, string? current, string field)
    {
        var length = ReadConstrainedLength(minSize, maxSize, field);
        Span<char> characters = stackalloc char[maxSize];
        for (var index = 0; index < length; index++)
        {
            characters[index] = (char)ReadBits(7, field);
        }

        return Reuse(characters[..length], current);
    }

    /// <summary>NumericString (SIZE(lb..ub)), the mirror of <see cref="UperWriter.WriteNumericString"/>.</summary>
    public string ReadNumericString(int minSize, int maxSize, string? current, string field)
    {
        var length = ReadConstrainedLength(minSize, maxSize, field);
        Span<char> characters = stackalloc char[maxSize];
        for (var index = 0; index < length; index++)
        {
            var start = _bitPosition;
            var code = (int)ReadBits(4, field);

            // 11 characters: space (index 0) and the digits 0..9 (indexes 1..10).
            if (code > 10)
            {
                UperErrors.ThrowDecode(_path.Format(field), $"NumericString character index {code} outside 0..10", start);
            }

            characters[index] = code == 0 ? ' ' : (char)('0' + code - 1);
        }

        return Reuse(characters[..length], current);
    }

    /// <summary>
    /// UTF8String (SIZE(lb..ub) in characters), the mirror of <see cref="UperWriter.WriteUtf8String"/>: the
    /// octets must be well-formed UTF-8 and hold lb..ub characters.
    /// </summary>
    public string ReadUtf8String(int minSize, int maxSize, string? current, string field)
    {
        var start = _bitPosition;
        var octetCount = ReadLengthDeterminant(field);
        var maxOctets = maxSize * UperWriter.MaxUtf8OctetsPerCharacter;
        if (octetCount > maxOctets)
        {
            UperErrors.ThrowDecode(_path.Format(field), $"{octetCount} octets cannot hold at most {maxSize} characters", start);
        }

        Span<byte> octets = stackalloc byte[maxOctets];
        ReadOctets(octets[..octetCount], field);
        Span<char> characters = stackalloc char[maxOctets];
        var characterCount = 0;
        var remaining = (ReadOnlySpan<byte>)octets[..octetCount];
        var runes = 0;
        while (!remaining.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(remaining, out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                UperErrors.ThrowDecode(_path.Format(field), "is not well-formed UTF-8", start);
            }

            characterCount += rune.EncodeToUtf16(characters[characterCount..]);
            remaining = remaining[consumed..];
            runes++;
        }

        if (runes < minSize || runes > maxSize)
        {
            UperErrors.ThrowDecode(_path.Format(field), $"{runes} characters outside SIZE({minSize}..{maxSize})", start);
        }

        return Reuse(characters[..characterCount], current);
    }

    private static string Reuse(ReadOnlySpan<char> decoded, string? current) =>
        current is not null && decoded.SequenceEqual(current) ? current : decoded.ToString();
}
