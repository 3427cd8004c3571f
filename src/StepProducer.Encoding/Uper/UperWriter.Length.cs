using System.Runtime.CompilerServices;

namespace StepProducer.Encoding.Uper;

internal ref partial struct UperWriter
{
    /// <summary>Largest length of the unfragmented general length determinant (X.691 clause 11.9.3.7: 16K − 1).</summary>
    public const int MaxUnfragmentedLength = 16383;

    /// <summary>
    /// SIZE(lb..ub) length with no extension marker, ub &lt; 64K (X.691 clause 11.9.4.1, UNALIGNED: a
    /// constrained whole number; nothing when lb = ub).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteConstrainedLength(int length, int lowerBound, int upperBound, string field)
    {
        if ((uint)(length - lowerBound) > (uint)(upperBound - lowerBound))
        {
            UperErrors.ThrowSizeOutOfRange(_path.Format(field), length, lowerBound, upperBound);
        }

        WriteBits((ulong)(length - lowerBound), UperBits.ForRange(lowerBound, upperBound));
    }

    /// <summary>
    /// SIZE(lb..ub, ...) length (X.691 clause 20.4 for SEQUENCE OF): an extension bit, 0 and the constrained
    /// length inside the root, else 1 and the general length determinant.
    /// </summary>
    public void WriteExtensibleLength(int length, int lowerBound, int upperBound, string field)
    {
        if (length >= lowerBound && length <= upperBound)
        {
            WriteBit(false);
            WriteBits((ulong)(length - lowerBound), UperBits.ForRange(lowerBound, upperBound));
            return;
        }

        WriteBit(true);
        WriteLengthDeterminant(length, field);
    }

    /// <summary>
    /// The general length determinant, unfragmented (X.691 clause 11.9.3.6: one octet 0xxxxxxx below 128;
    /// clause 11.9.3.7: two octets 10xxxxxx xxxxxxxx below 16K). Fragmentation (16K and more) is not
    /// supported: no DENM component comes near it.
    /// </summary>
    public void WriteLengthDeterminant(int length, string field)
    {
        if ((uint)length > MaxUnfragmentedLength)
        {
            UperErrors.ThrowEncode(_path.Format(field), $"length {length} needs a fragmented length determinant (16384 or more), which is not supported");
        }

        // 128: the one-octet form holds 0..127 (clause 11.9.3.6).
        if (length < 128)
        {
            WriteBits((ulong)length, 8);
        }
        else
        {
            // 0b10 marks the two-octet form; 14 bits of length follow (clause 11.9.3.7).
            WriteBits((0b10UL << 14) | (ulong)length, 16);
        }
    }
}
