using System.Numerics;

namespace StepProducer.Encoding.Uper;

/// <summary>Bit-width arithmetic shared by the writer and the reader.</summary>
internal static class UperBits
{
    /// <summary>
    /// The number of bits of a constrained whole number with bounds lb..ub (X.691 clause 11.5.7.1, UNALIGNED:
    /// the minimum number of bits for the range ub − lb + 1; 0 bits when the range is 1).
    /// </summary>
    public static int ForRange(long lowerBound, long upperBound) =>
        upperBound == lowerBound ? 0 : BitOperations.Log2((ulong)(upperBound - lowerBound)) + 1;

    /// <summary>Octets of the minimal two's-complement form of a value (X.691 clause 11.4, 12.2.6).</summary>
    public static int OctetsForSigned(long value)
    {
        var magnitudeBits = value < 0 ? 64 - BitOperations.LeadingZeroCount((ulong)~value) : 64 - BitOperations.LeadingZeroCount((ulong)value);

        // One more bit for the sign; at least one octet.
        return (magnitudeBits / 8) + 1;
    }
}
