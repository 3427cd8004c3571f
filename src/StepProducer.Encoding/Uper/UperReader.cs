using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace StepProducer.Encoding.Uper;

/// <summary>
/// Reads ITU-T X.691 UNALIGNED PER (UPER), most significant bit first. Every read checks the input length
/// and throws <see cref="Denm.DenmDecodeException"/> naming the field and the bit offset; nothing else is
/// thrown for any input.
/// </summary>
internal ref partial struct UperReader
{
    private readonly ReadOnlySpan<byte> _source;
    private readonly ref FieldPathStack _path;
    private long _bitPosition;

    public UperReader(ReadOnlySpan<byte> source, ref FieldPathStack path)
    {
        _source = source;
        _path = ref path;
    }

    /// <summary>The constructs being read, for the field path of an error.</summary>
    public readonly ref FieldPathStack Path => ref _path;

    /// <summary>Bit offset of the next bit to read.</summary>
    public readonly long BitPosition => _bitPosition;

    /// <summary>Bits left in the input.</summary>
    public readonly long RemainingBits => BitLength - _bitPosition;

    /// <summary>The length of the input in bits (not a field: one register fewer in the hot loops).</summary>
    private readonly long BitLength => (long)_source.Length * 8;

    /// <summary>Reads <paramref name="count"/> bits, 0 ≤ count ≤ 56, as an unsigned number.</summary>
    /// <remarks>56 = 64 − 8: a 64-bit window that starts at the current octet covers them at any bit offset.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong ReadBits(int count, string field)
    {
        if (count > RemainingBits)
        {
            UperErrors.ThrowTruncated(_path.Format(field), count, _bitPosition, BitLength);
        }

        if (count == 0)
        {
            return 0;
        }

        var octetIndex = (int)(_bitPosition >> 3);
        var bitInOctet = (int)(_bitPosition & 7);
        _bitPosition += count;
        ulong window;
        if ((uint)octetIndex + 8u <= (uint)_source.Length)
        {
            // In bounds by the test above, so the load needs no bounds check of its own.
            window = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref MemoryMarshal.GetReference(_source), octetIndex));
            window = BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(window) : window;
        }
        else
        {
            window = ReadTailWindow(_source, octetIndex);
        }

        return (window << bitInOctet) >> (64 - count);
    }

    /// <summary>Reads one bit: a BOOLEAN (X.691 clause 12), a presence bit or an extension bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool ReadBit(string field) => ReadBits(1, field) != 0;

    /// <summary>Copies whole octets from the current bit position (raw open-type contents).</summary>
    public void ReadOctets(scoped Span<byte> destination, string field)
    {
        if ((long)destination.Length * 8 > RemainingBits)
        {
            UperErrors.ThrowTruncated(_path.Format(field), destination.Length * 8, _bitPosition, BitLength);
        }

        for (var index = 0; index < destination.Length; index++)
        {
            destination[index] = (byte)ReadBits(8, field);
        }
    }

    /// <summary>Moves past <paramref name="bitCount"/> bits (an unknown extension's open type).</summary>
    public void Skip(long bitCount, string field)
    {
        if (bitCount > RemainingBits)
        {
            UperErrors.ThrowTruncated(_path.Format(field), (int)Math.Min(bitCount, int.MaxValue), _bitPosition, BitLength);
        }

        _bitPosition += bitCount;
    }

    /// <summary>
    /// Checks the end of the outermost value: only the 0..7 padding bits of the last octet may follow, and
    /// they must be 0 (X.691 clause 10.1.3); any further octet is trailing garbage.
    /// </summary>
    public readonly void CheckEnd(string field)
    {
        var paddingBits = (8 - (int)(_bitPosition & 7)) & 7;
        var endOfValue = _bitPosition + paddingBits;
        if (endOfValue < BitLength)
        {
            UperErrors.ThrowDecode(_path.Format(field), $"{(BitLength - endOfValue) / 8} trailing octets after the end of the DENM", endOfValue);
        }

        if (paddingBits > 0)
        {
            var lastOctet = _source[^1];
            if ((lastOctet & ((1 << paddingBits) - 1)) != 0)
            {
                UperErrors.ThrowDecode(_path.Format(field), $"the {paddingBits} padding bits of the last octet are not all 0", _bitPosition);
            }
        }
    }

    /// <summary>
    /// The 8 octets from <paramref name="octetIndex"/> near the end of the input, 0 past it. Static and by
    /// value, so that a reader copied into a local for a hot loop stays in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ulong ReadTailWindow(ReadOnlySpan<byte> source, int octetIndex)
    {
        ulong window = 0;
        for (var index = 0; index < 8; index++)
        {
            window <<= 8;
            if (octetIndex + index < source.Length)
            {
                window |= source[octetIndex + index];
            }
        }

        return window;
    }
}
