using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using StepProducer.Encoding.Denm.V2;

namespace StepProducer.Encoding.Denm;

/// <summary>
/// UPER (ITU-T X.691 UNALIGNED PER) codec of the TS 103 831 v2.2.1 DENM (TS 102 894-2 v2.2.1 CDD).
/// Encode allocates nothing; decode into a reused <see cref="V2.Denm"/> allocates nothing in steady state.
/// Errors are <see cref="DenmEncodeException"/> / <see cref="DenmDecodeException"/> naming the field path
/// and the broken rule; decode throws no other exception type for any input.
/// </summary>
public static class DenmV2Codec
{
    /// <summary>
    /// The encoded length in octets: a maximum for buffer sizing that is in fact exact, computed by an
    /// encoding pass that stores nothing. Throws <see cref="DenmEncodeException"/> for an invalid DENM.
    /// </summary>
    public static int GetMaxEncodedLength(V2.Denm denm) => UperPdu.GetEncodedLength(new DenmV2Uper.Pdu(denm));

    /// <summary>
    /// Encodes into <paramref name="destination"/>. Returns false, with <paramref name="bytesWritten"/> 0 and
    /// the destination untouched, when it is too small. Throws <see cref="DenmEncodeException"/> for an invalid DENM.
    /// </summary>
    public static bool TryEncode(in V2.Denm denm, Span<byte> destination, out int bytesWritten) =>
        UperPdu.TryEncode(new DenmV2Uper.Pdu(denm), destination, out bytesWritten);

    /// <summary>Encodes into <paramref name="writer"/> and returns the number of octets written.</summary>
    public static int Encode(V2.Denm denm, IBufferWriter<byte> writer) => UperPdu.Encode(new DenmV2Uper.Pdu(denm), writer);

    /// <summary>Decodes one complete DENM; throws <see cref="DenmDecodeException"/> for invalid input.</summary>
    public static V2.Denm Decode(ReadOnlySpan<byte> source)
    {
        var target = new V2.Denm();
        Decode(source, target);
        return target;
    }

    /// <summary>
    /// Decodes one complete DENM into <paramref name="target"/>, reusing its containers and lists. On error
    /// the target holds a partial result.
    /// </summary>
    public static void Decode(ReadOnlySpan<byte> source, V2.Denm target) => UperPdu.Decode(source, new DenmV2Uper.Pdu(target));

    /// <summary>As <see cref="Decode(ReadOnlySpan{byte}, V2.Denm)"/>, returning the error instead of throwing it.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> source, V2.Denm target, [NotNullWhen(false)] out DenmDecodeException? error) =>
        UperPdu.TryDecode(source, new DenmV2Uper.Pdu(target), out error);
}
