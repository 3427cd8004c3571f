using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using StepProducer.Encoding.Uper;

namespace StepProducer.Encoding.Denm;

/// <summary>The UPER encoding of one DENM module version's PDU.</summary>
internal interface IUperPdu<in TDenm>
{
    static abstract void Write(ref UperWriter writer, TDenm denm);

    static abstract void Read(ref UperReader reader, TDenm denm);
}

/// <summary>
/// The codec entry points shared by <see cref="DenmV1Codec"/> and <see cref="DenmV2Codec"/>, in the shape of
/// System.Formats.Asn1 (AsnWriter.TryEncode / Encode / GetEncodedLength, AsnDecoder).
/// </summary>
internal static class UperPdu<TDenm, TPdu>
    where TDenm : class, new()
    where TPdu : IUperPdu<TDenm>
{
    /// <summary>
    /// Stack scratch for TryEncode: a DENM that fits (the typical one is 136 octets) is encoded once, here,
    /// and copied, so a destination that turns out too small is never written. 1024 octets also hold a
    /// DENM with a full 40-point trace (about 350 octets) and leave the stack small.
    /// </summary>
    private const int ScratchLength = 1024;

    public static int GetEncodedLength(TDenm denm)
    {
        ArgumentNullException.ThrowIfNull(denm);
        var path = default(FieldPathStack);
        var measure = new UperWriter(Span<byte>.Empty, ref path);
        TPdu.Write(ref measure, denm);
        return measure.Complete();
    }

    public static bool TryEncode(TDenm denm, Span<byte> destination, out int bytesWritten)
    {
        ArgumentNullException.ThrowIfNull(denm);
        Span<byte> scratch = stackalloc byte[ScratchLength];
        var path = default(FieldPathStack);
        var writer = new UperWriter(scratch, ref path);
        TPdu.Write(ref writer, denm);
        var length = writer.Complete();
        bytesWritten = 0;
        if (length > destination.Length)
        {
            return false;
        }

        if (!writer.Overflowed)
        {
            scratch[..length].CopyTo(destination);
        }
        else
        {
            // Larger than the scratch but known to fit: encode again, straight into the destination.
            var direct = new UperWriter(destination, ref path);
            TPdu.Write(ref direct, denm);
            direct.Complete();
        }

        bytesWritten = length;
        return true;
    }

    public static int Encode(TDenm denm, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!TryEncode(denm, output.GetSpan(ScratchLength), out var written))
        {
            TryEncode(denm, output.GetSpan(GetEncodedLength(denm)), out written);
        }

        output.Advance(written);
        return written;
    }

    public static TDenm Decode(ReadOnlySpan<byte> source)
    {
        var target = new TDenm();
        Decode(source, target);
        return target;
    }

    public static void Decode(ReadOnlySpan<byte> source, TDenm target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var path = default(FieldPathStack);
        var reader = new UperReader(source, ref path);
        TPdu.Read(ref reader, target);
        reader.CheckEnd("");
    }

    public static bool TryDecode(ReadOnlySpan<byte> source, TDenm target, [NotNullWhen(false)] out DenmDecodeException? error)
    {
        try
        {
            Decode(source, target);
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
