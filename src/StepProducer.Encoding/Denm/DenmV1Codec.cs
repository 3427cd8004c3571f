using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using StepProducer.Encoding.Denm.V1;

namespace StepProducer.Encoding.Denm;

/// <summary>
/// UPER (ITU-T X.691 UNALIGNED PER) codec of the EN 302 637-3 v1.3.1 DENM (TS 102 894-2 v1.3.1 CDD).
/// Encode allocates nothing; decode into a reused <see cref="V1.Denm"/> allocates nothing in steady state.
/// Errors are <see cref="DenmEncodeException"/> / <see cref="DenmDecodeException"/> naming the field path
/// and the broken rule; decode throws no other exception type for any input.
/// </summary>
public static class DenmV1Codec
{
    /// <summary>
    /// The encoded length in octets: a maximum for buffer sizing that is in fact exact, computed by an
    /// encoding pass that stores nothing. Throws <see cref="DenmEncodeException"/> for an invalid DENM.
    /// </summary>
    public static int GetMaxEncodedLength(V1.Denm denm) => UperPdu.GetEncodedLength(new DenmV1Uper.Pdu(denm));

    /// <summary>
    /// Encodes into <paramref name="destination"/>. Returns false, with <paramref name="bytesWritten"/> 0 and
    /// the destination untouched, when it is too small. Throws <see cref="DenmEncodeException"/> for an invalid DENM.
    /// </summary>
    public static bool TryEncode(in V1.Denm denm, Span<byte> destination, out int bytesWritten) =>
        UperPdu.TryEncode(new DenmV1Uper.Pdu(denm), destination, out bytesWritten);

    /// <summary>Encodes into <paramref name="writer"/> and returns the number of octets written.</summary>
    public static int Encode(V1.Denm denm, IBufferWriter<byte> writer) => UperPdu.Encode(new DenmV1Uper.Pdu(denm), writer);

    /// <summary>Decodes one complete DENM; throws <see cref="DenmDecodeException"/> for invalid input.</summary>
    public static V1.Denm Decode(ReadOnlySpan<byte> source)
    {
        var target = new V1.Denm();
        Decode(source, target);
        return target;
    }

    /// <summary>
    /// Decodes one complete DENM into <paramref name="target"/>, reusing its containers and lists. On error
    /// the target holds a partial result.
    /// </summary>
    public static void Decode(ReadOnlySpan<byte> source, V1.Denm target) => UperPdu.Decode(source, new DenmV1Uper.Pdu(target));

    /// <summary>As <see cref="Decode(ReadOnlySpan{byte}, V1.Denm)"/>, returning the error instead of throwing it.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> source, V1.Denm target, [NotNullWhen(false)] out DenmDecodeException? error) =>
        UperPdu.TryDecode(source, new DenmV1Uper.Pdu(target), out error);
}
