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
        // value − lb wraps to a huge unsigned number below lb, so one compare checks both bounds (the DENM's
        // bounds lie within ±2^43, far from the wrap-around of a long).
        if ((ulong)(value - lowerBound) > (ulong)(upperBound - lowerBound))
        {
            UperErrors.ThrowOutOfRange(_path.Format(field), value, lowerBound, upperBound);
        }

        WriteBits((ulong)(value - lowerBound), UperBits.ForRange(lowerBound, upperBound));
    }

    /// <summary>
    /// INTEGER (lb..ub, ...): X.691 clause 12.1 — an extension bit, 0 and the root encoding for a value in
    /// lb..ub, else 1 and the value as an unconstrained whole number (clause 12.2.6: length determinant and
    /// minimal two's-complement octets).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteExtensibleInteger(long value, long lowerBound, long upperBound)
    {
        if ((ulong)(value - lowerBound) <= (ulong)(upperBound - lowerBound))
        {
            WriteBits((ulong)(value - lowerBound), UperBits.ForRange(lowerBound, upperBound) + 1);
            return;
        }

        // Outside the root: the extension bit 1, the octet count (a length determinant below 128 is one
        // octet, clause 11.9.3.6) and the value's minimal two's-complement octets, at most 8 for a long.
        var octets = UperBits.OctetsForSigned(value);
        var valueBits = octets * 8;
        WriteBits((1UL << 8) | (ulong)octets, 9);
        WriteBits((ulong)value & (ulong.MaxValue >> (64 - valueBits)), valueBits);
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
            UperErrors.ThrowUndefinedEnumerated(_path.Format(field), index, asnType);
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
            UperErrors.ThrowUndefinedEnumerated(_path.Format(field), value, asnType);
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
            UperErrors.ThrowEncode(_path.Format(""), $"normally small number {value} above 63 is not supported");
        }

        WriteBits((ulong)value, 7);
    }
}
