using System.Runtime.CompilerServices;

namespace StepProducer.Encoding.Uper;

internal ref partial struct UperReader
{
    /// <summary>
    /// INTEGER (lb..ub) with no extension marker (X.691 clause 12.2.2, 11.5.7.1). A value above ub is possible
    /// on the wire when the range is not a power of two; it is an error naming the bound.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long ReadConstrainedInteger(long lowerBound, long upperBound, string field)
    {
        // The start offset of an error is worked out from the end, so that no start is kept live on the hot path.
        var bits = UperBits.ForRange(lowerBound, upperBound);
        var offset = ReadBits(bits, field);
        if (offset > (ulong)(upperBound - lowerBound))
        {
            UperErrors.ThrowDecode(_path.Format(field), $"{lowerBound + (long)offset} outside {lowerBound}..{upperBound}", _bitPosition - bits);
        }

        return lowerBound + (long)offset;
    }

    /// <summary>
    /// INTEGER (lb..ub, ...) (X.691 clause 12.1): the root encoding after a 0 extension bit; after a 1, an
    /// unconstrained whole number (length determinant and two's-complement octets), which must fit an int.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReadExtensibleInteger(int lowerBound, int upperBound, string field)
    {
        var rootBits = UperBits.ForRange(lowerBound, upperBound);
        if (RemainingBits > rootBits)
        {
            // The extension bit and a root value in one read; after an extension bit 1 the position goes back
            // to just after it.
            var bits = ReadBits(rootBits + 1, field);
            if ((bits >> rootBits) == 0)
            {
                if (bits > (ulong)(upperBound - lowerBound))
                {
                    UperErrors.ThrowDecode(_path.Format(field), $"{lowerBound + (long)bits} outside {lowerBound}..{upperBound}", _bitPosition - rootBits);
                }

                return lowerBound + (int)bits;
            }

            _bitPosition -= rootBits;
        }
        else if (!ReadBit(field))
        {
            // Near the end of the input: field by field, so that a truncation names the part it cuts.
            return (int)ReadConstrainedInteger(lowerBound, upperBound, field);
        }

        var (value, end) = ReadExtensionValue(_source, _bitPosition, ref _path, field);
        _bitPosition = end;
        return value;
    }

    /// <summary>
    /// The unconstrained whole number after an extension bit 1, read from <paramref name="bitPosition"/>; returns
    /// it and the bit position after it. Static and by value, so that a reader copied into a local stays in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (int Value, long End) ReadExtensionValue(ReadOnlySpan<byte> source, long bitPosition, ref FieldPathStack path, string field)
    {
        var reader = new UperReader(source, ref path) { _bitPosition = bitPosition };
        var start = reader._bitPosition;
        var octets = reader.ReadLengthDeterminant(field);

        // An int holds 4 octets of two's complement; a length of 0 is no value at all (X.691 clause 12.2.6).
        if (octets is 0 or > 4)
        {
            UperErrors.ThrowDecode(path.Format(field), $"extension value of {octets} octets is not a 1..4-octet integer", start);
        }

        var value = (long)reader.ReadBits(octets * 8, field);
        var signBit = 1L << ((octets * 8) - 1);
        return ((int)((value ^ signBit) - signBit), reader._bitPosition);
    }

    /// <summary>ENUMERATED with no extension marker (X.691 clause 14.2): the constrained index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReadEnumerated(int rootCount, string field)
    {
        var bits = UperBits.ForRange(0, rootCount - 1);
        var index = (int)ReadBits(bits, field);
        if (index >= rootCount)
        {
            UperErrors.ThrowDecode(_path.Format(field), $"enumeration index {index} outside 0..{rootCount - 1}", _bitPosition - bits);
        }

        return index;
    }

    /// <summary>
    /// ENUMERATED {root, ..., additions} (X.691 clause 14.3). Additions are numbered after the root; an
    /// addition this module version does not know is an error.
    /// </summary>
    public int ReadExtensibleEnumerated(int rootCount, int additionCount, string field)
    {
        if (!ReadBit(field))
        {
            return ReadEnumerated(rootCount, field);
        }

        var start = _bitPosition;
        var addition = ReadNormallySmallNumber(field);
        if (addition >= additionCount)
        {
            UperErrors.ThrowDecode(_path.Format(field), $"unknown enumeration extension value {addition} (this version knows {additionCount})", start);
        }

        return rootCount + addition;
    }

    /// <summary>A normally small non-negative whole number (X.691 clause 11.6); only the 6-bit form is accepted.</summary>
    public int ReadNormallySmallNumber(string field)
    {
        var start = _bitPosition;
        if (ReadBit(field))
        {
            UperErrors.ThrowDecode(_path.Format(field), "normally small number above 63 is not supported", start);
        }

        return (int)ReadBits(6, field);
    }
}
