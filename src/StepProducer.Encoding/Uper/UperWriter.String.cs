using System.Text;

namespace StepProducer.Encoding.Uper;

internal ref partial struct UperWriter
{
    /// <summary>Most UTF-8 octets per character (RFC 3629).</summary>
    public const int MaxUtf8OctetsPerCharacter = 4;

    /// <summary>
    /// IA5String (SIZE(lb..ub)) with no permitted-alphabet constraint: X.691 clause 30 (known-multiplier
    /// character string). UNALIGNED: b = 7 bits per character since the alphabet is 0..127 (clause 30.5.3),
    /// each character as its own code (clause 30.5.4: ub of the alphabet ≤ 2^b − 1); the length as a
    /// constrained whole number, none for a fixed size (clause 30.5.7 → 11.9.4.1).
    /// </summary>
    public void WriteIA5String(string text, int minSize, int maxSize, string field)
    {
        CheckSize(text.Length, minSize, maxSize, field);
        foreach (var character in text)
        {
            // 0x7F: IA5String is the 128 characters of ISO 646 (X.680 clause 41, table 8).
            if (character > '\u007f')
            {
                UperErrors.ThrowEncode(_path.Format(field), $"character U+{(int)character:X4} is outside the IA5String alphabet (0..127)");
            }
        }

        WriteBits((ulong)(text.Length - minSize), UperBits.ForRange(minSize, maxSize));
        foreach (var character in text)
        {
            WriteBits(character, 7);
        }
    }

    /// <summary>
    /// NumericString (SIZE(lb..ub)): X.691 clause 30. Its alphabet is space and 0..9 (X.680 clause 41.2), 11
    /// characters, so b = 4 bits (clause 30.5.3); the largest code ('9' = 57) exceeds 2^4 − 1, so each
    /// character is its index in the sorted alphabet: space = 0, '0' = 1 … '9' = 10 (clause 30.5.4).
    /// </summary>
    public void WriteNumericString(string text, int minSize, int maxSize, string field)
    {
        CheckSize(text.Length, minSize, maxSize, field);
        foreach (var character in text)
        {
            if (character is not ((>= '0' and <= '9') or ' '))
            {
                UperErrors.ThrowEncode(_path.Format(field), $"character '{character}' is outside the NumericString alphabet (0-9 and space)");
            }
        }

        WriteBits((ulong)(text.Length - minSize), UperBits.ForRange(minSize, maxSize));
        foreach (var character in text)
        {
            WriteBits(character == ' ' ? 0UL : (ulong)(character - '0' + 1), 4);
        }
    }

    /// <summary>
    /// UTF8String (SIZE(lb..ub)): not a known-multiplier type, so its SIZE is not PER-visible (X.691 clause
    /// 30.3 and 30.7): a general length determinant in octets and the UTF-8 octets. The SIZE, counted in
    /// characters (Unicode code points), is still checked.
    /// </summary>
    public void WriteUtf8String(string text, int minSize, int maxSize, string field)
    {
        var characters = 0;
        var remaining = text.AsSpan();
        while (!remaining.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(remaining, out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                UperErrors.ThrowEncode(_path.Format(field), "is not well-formed UTF-16 (lone surrogate)");
            }

            remaining = remaining[consumed..];
            characters++;
        }

        CheckSize(characters, minSize, maxSize, field);
        Span<byte> octets = stackalloc byte[maxSize * MaxUtf8OctetsPerCharacter];
        var octetCount = System.Text.Encoding.UTF8.GetBytes(text, octets);
        WriteLengthDeterminant(octetCount, field);
        WriteOctets(octets[..octetCount]);
    }

    private readonly void CheckSize(int size, int minSize, int maxSize, string field)
    {
        if (size < minSize || size > maxSize)
        {
            UperErrors.ThrowEncode(_path.Format(field), $"{size} characters outside SIZE({minSize}..{maxSize})");
        }
    }
}
