using System.Diagnostics.CodeAnalysis;
using StepProducer.Encoding.Denm;

namespace StepProducer.Encoding.Uper;

/// <summary>The throw sites of the codec, kept out of the hot methods so that those stay small.</summary>
internal static class UperErrors
{
    [DoesNotReturn]
    public static void ThrowEncode(string field, string rule) => throw new DenmEncodeException(field, rule);

    [DoesNotReturn]
    public static void ThrowOutOfRange(string field, long value, long lowerBound, long upperBound) =>
        throw new DenmEncodeException(field, $"{value} outside {lowerBound}..{upperBound}");

    /// <summary>
    /// A SEQUENCE OF outside its SIZE constraint. The message is built here, not at the inlined call site, whose
    /// method would otherwise zero the string builder's state in its prologue on every call.
    /// </summary>
    [DoesNotReturn]
    public static void ThrowSizeOutOfRange(string field, int size, int lowerBound, int upperBound) =>
        throw new DenmEncodeException(field, $"{size} items outside SIZE({lowerBound}..{upperBound})");

    [DoesNotReturn]
    public static void ThrowUndefinedEnumerated(string field, int value, string asnType) =>
        throw new DenmEncodeException(field, $"{value} is not a value of {asnType}");

    [DoesNotReturn]
    public static void ThrowDecode(string field, string rule, long bitOffset) =>
        throw new DenmDecodeException(field, rule, bitOffset);

    [DoesNotReturn]
    public static void ThrowTruncated(string field, int bitsNeeded, long bitOffset, long bitLength) =>
        throw new DenmDecodeException(
            field, $"input ends at bit {bitLength}, {bitsNeeded} more bits needed", bitOffset);
}
