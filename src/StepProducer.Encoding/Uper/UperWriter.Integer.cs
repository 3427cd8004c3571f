using System.Runtime.CompilerServices;

namespace StepProducer.Encoding.Uper;

internal ref partial struct UperWriter
{
    /// <summary>
    /// INTEGER (lb..ub) with no extension marker: X.691 clause 12.2.2 → constrained whole number, clause
    /// 11.5.6/11.5.7.1 (value − lb in the minimum number of bits). Throws when the value is outside lb..ub.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteConstrainedInteger(long value, long lowerBound, long upperBound, string field)
    {
        if (value < lowerBound || value > upperBound)
        {
            UperErrors.ThrowOutOfRange(field, value, lowerBound, upperBound);
        }

        WriteBits((ulong)(value - lowerBound), UperBits.ForRange(lowerBound, upperBound));
    }

    /// <summary>
    /// INTEGER (lb..ub, ...): X.691 clause 12.1 — an extension bit, 0 and the root encoding for a value in
    /// lb..ub, else 1 and the value as an unconstrained whole number (clause 12.2.6: length determinant and
    /// minimal two's-complement octets).
    /// </summary>
    public void WriteExtensibleInteger(long value, long lowerBound, long upperBound)
    {
        if (value >= lowerBound && value <= upperBound)
        {
            WriteBit(false);
            WriteBits((ulong)(value - lowerBound), UperBits.ForRange(lowerBound, upperBound));
            return;
        }

        WriteBit(true);
        var octets = UperBits.OctetsForSigned(value);
        WriteBits((ulong)octets, 8);
        for (var index = octets - 1; index >= 0; index--)
        {
            WriteBits((ulong)(value >> (index * 8)) & 0xFF, 8);
        }
    }

    /// <summary>
    /// ENUMERATED with no extension marker: X.691 clause 14.2 — the index of the value among the root values
    /// (sorted by value; in the DENM modules the index equals the value) as a constrained whole number.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteEnumerated(int index, int rootCount, string field, string asnType)
    {
        if ((uint)index >= (uint)rootCount)
        {
            UperErrors.ThrowUndefinedEnumerated(field, index, asnType);
        }

        WriteBits((ulong)index, UperBits.ForRange(0, rootCount - 1));
    }

    /// <summary>
    /// ENUMERATED {root, ..., additions}: X.691 clause 14.3 — an extension bit; a root value as its
    /// constrained index, an addition as a normally small non-negative whole number (its index among the
    /// additions). Here additions follow the root, so the addition index is value − rootCount.
    /// </summary>
    public void WriteExtensibleEnumerated(int value, int rootCount, int additionCount, string field, string asnType)
    {
        if ((uint)value >= (uint)(rootCount + additionCount))
        {
            UperErrors.ThrowUndefinedEnumerated(field, value, asnType);
        }

        if (value < rootCount)
        {
            WriteBit(false);
            WriteBits((ulong)value, UperBits.ForRange(0, rootCount - 1));
            return;
        }

        WriteBit(true);
        WriteNormallySmallNumber(value - rootCount);
    }

    /// <summary>
    /// A normally small non-negative whole number (X.691 clause 11.6): 0 and 6 bits when ≤ 63. The DENM
    /// never needs a larger one (extension bitmaps and enumeration additions are short).
    /// </summary>
    public void WriteNormallySmallNumber(int value)
    {
        // 63 is the largest value of the 6-bit form (clause 11.6.1).
        if ((uint)value > 63)
        {
            UperErrors.ThrowEncode("", $"normally small number {value} above 63 is not supported");
        }

        WriteBits((ulong)value, 7);
    }
}
