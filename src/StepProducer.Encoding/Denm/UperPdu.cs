using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using StepProducer.Encoding.Uper;

namespace StepProducer.Encoding.Denm;

/// <summary>A DENM model bound to the UPER encoding of its module version's PDU.</summary>
internal interface IUperPdu
{
    void Write(ref UperWriter writer);

    void Read(ref UperReader reader);
}

/// <summary>
/// The codec entry points shared by <see cref="DenmV1Codec"/> and <see cref="DenmV2Codec"/>, in the shape of
/// System.Formats.Asn1 (AsnWriter.TryEncode / Encode / GetEncodedLength, AsnDecoder).
/// </summary>
/// <remarks>
/// Generic over the bound PDU, a struct, rather than over the model class: each version gets its own
/// specialised code with direct, inlinable calls, where a class type argument would share one canonical
/// instantiation that looks the version's methods up at run time on every call.
/// </remarks>
internal static class UperPdu
{
    /// <summary>
    /// Scratch for TryEncode: a DENM that fits (the typical one is 136 octets) is encoded once, here, and
    /// copied, so a destination that turns out too small, or an encode that throws on an invalid value, leaves
    /// the destination untouched. 1024 octets also hold a DENM with a full 40-point trace (about 350 octets).
    /// </summary>
    private const int ScratchLength = 1024;

    /// <summary>
    /// The scratch of this thread, allocated once per thread (so not per DENM). An array, not stackalloc: a
    /// method with stackalloc is never inlined, and TryEncode inlined into its caller, with the version's Write
    /// inlined into it, measured 14 ns faster on the typical encode than with a 1 KB stackalloc.
    /// </summary>
    [ThreadStatic]
    private static byte[]? t_scratch;

    public static int GetEncodedLength<TPdu>(TPdu pdu)
        where TPdu : struct, IUperPdu
    {
        var path = default(FieldPathStack);
        var measure = new UperWriter(Span<byte>.Empty, ref path);
        pdu.Write(ref measure);
        return measure.Complete();
    }

    public static bool TryEncode<TPdu>(TPdu pdu, Span<byte> destination, out int bytesWritten)
        where TPdu : struct, IUperPdu
    {
        var scratch = t_scratch ??= new byte[ScratchLength];
        var path = default(FieldPathStack);
        var writer = new UperWriter(scratch, ref path);
        pdu.Write(ref writer);
        var length = writer.Complete();
        bytesWritten = 0;
        if (length > destination.Length)
        {
            return false;
        }

        if (!writer.Overflowed)
        {
            scratch.AsSpan(0, length).CopyTo(destination);
        }
        else
        {
            EncodeDirectly(pdu, destination);
        }

        bytesWritten = length;
        return true;
    }

    /// <summary>
    /// A DENM larger than the scratch but known to fit: encoded again, straight into the destination. Out of
    /// line, so that TryEncode keeps one call site of the version's Write, which can then inline.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void EncodeDirectly<TPdu>(TPdu pdu, Span<byte> destination)
        where TPdu : struct, IUperPdu
    {
        var path = default(FieldPathStack);
        var direct = new UperWriter(destination, ref path);
        pdu.Write(ref direct);
        direct.Complete();
    }

    public static int Encode<TPdu>(TPdu pdu, IBufferWriter<byte> output)
        where TPdu : struct, IUperPdu
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!TryEncode(pdu, output.GetSpan(ScratchLength), out var written))
        {
            TryEncode(pdu, output.GetSpan(GetEncodedLength(pdu)), out written);
        }

        output.Advance(written);
        return written;
    }

    public static void Decode<TPdu>(ReadOnlySpan<byte> source, TPdu pdu)
        where TPdu : struct, IUperPdu
    {
        var path = default(FieldPathStack);
        var reader = new UperReader(source, ref path);
        pdu.Read(ref reader);
        reader.CheckEnd("");
    }

    public static bool TryDecode<TPdu>(ReadOnlySpan<byte> source, TPdu pdu, [NotNullWhen(false)] out DenmDecodeException? error)
        where TPdu : struct, IUperPdu
    {
        try
        {
            Decode(source, pdu);
            error = null;
            return true;
        }
        catch (DenmDecodeException exception)
        {
            error = exception;
            return false;
        }
    }
}
