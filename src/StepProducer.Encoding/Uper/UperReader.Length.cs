using System.Runtime.CompilerServices;

namespace StepProducer.Encoding.Uper;

internal ref partial struct UperReader
{
    /// <summary>SIZE(lb..ub) length (X.691 clause 11.9.4.1), checked against ub.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReadConstrainedLength(int lowerBound, int upperBound, string field)
    {
        var bits = UperBits.ForRange(lowerBound, upperBound);
        var length = lowerBound + (int)ReadBits(bits, field);
        if (length > upperBound)
        {
            UperErrors.ThrowDecode(_path.Format(field), $"{length} items over SIZE({lowerBound}..{upperBound})", _bitPosition - bits);
        }

        return length;
    }

    /// <summary>SIZE(lb..ub, ...) length (X.691 clause 20.4): root after a 0 bit, general length after a 1.</summary>
    public int ReadExtensibleLength(int lowerBound, int upperBound, string field) =>
        ReadBit(field) ? ReadLengthDeterminant(field) : ReadConstrainedLength(lowerBound, upperBound, field);

    /// <summary>
    /// The general length determinant (X.691 clause 11.9.3.6-7): 0xxxxxxx or 10xxxxxx xxxxxxxx. The
    /// fragmented form 11xxxxxx (16K and more) is not supported and is an error.
    /// </summary>
    public int ReadLengthDeterminant(string field)
    {
        var start = _bitPosition;
        var first = (int)ReadBits(8, field);
        if ((first & 0x80) == 0)
        {
            return first;
        }

        if ((first & 0x40) != 0)
        {
            UperErrors.ThrowDecode(_path.Format(field), "fragmented length determinant (16K or more) is not supported", start);
        }

        return ((first & 0x3F) << 8) | (int)ReadBits(8, field);
    }
}
